"""Which banner each slot shows, read from the cache so that pages cost no query for ads."""

import random

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from lib import pagecache
from lib.images import picture_html

from .models import NARROW_MEDIA, SCHEDULED_BANNERS, SLOT_SIZES, Slot


def scheduled_banners():
    """{slot: [banner, …]} of switched-on banners that have not ended, cached for every page."""
    return SCHEDULED_BANNERS.get()


def pick(slot):
    """One running banner for the slot, rotated at random, or None."""
    now = timezone.now()
    running = [banner for banner in scheduled_banners().get(slot, []) if banner.is_running(now)]
    return random.choice(running) if running else None


def is_known(banner_id):
    return any(banner.pk == banner_id for banners in scheduled_banners().values() for banner in banners)


def slot_html(slot, generation):
    """The HTML of one running banner of the slot (rotated at random), or "": every slot's banners are
    rendered once into one cached entry under the content generation (a banner saved, or one starting
    or ending, makes a new one), so a page with three slots reads one key and renders no template."""
    choices = pagecache.kept("ads:slot-html", generation, _render_slots, settings.FRAGMENT_CACHE_SECONDS)
    running = choices.get(Slot(slot).value)
    return random.choice(running) if running else ""


def _render_slots():
    now = timezone.now()
    return {
        slot: [_render(banner, Slot(slot)) for banner in banners if banner.is_running(now)]
        for slot, banners in scheduled_banners().items()
    }


def _render(banner, slot):
    width, height = SLOT_SIZES[slot]
    # The slot keeps 16 px of margin each side on screens narrower than the box.
    sizes = f"(max-width: {width + 32}px) calc(100vw - 32px), {width}px"
    narrow = (("narrow", "narrow2x"), "calc(100vw - 32px)", NARROW_MEDIA) if banner.narrow_size else None
    loading = "eager" if slot == Slot.TOP else "lazy"
    picture = picture_html(banner, ("slot", "slot2x"), sizes, banner.alt_text, loading=loading, narrow=narrow)
    context = {"banner": banner, "picture": picture, "slot": slot.value, "width": width, "height": height}
    return render_to_string("ads/slot.html", context)
