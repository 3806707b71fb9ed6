from django import template

from lib.images import picture_html

from ..models import NARROW_MEDIA, SLOT_SIZES, Slot
from ..slots import pick

register = template.Library()


@register.inclusion_tag("ads/slot.html")
def banner_slot(slot):
    """A labelled banner for the slot ("top", "sidebar", "article"), or nothing when none is running."""
    slot = Slot(slot)
    width, height = SLOT_SIZES[slot]
    banner = pick(slot)
    picture = ""
    if banner:
        # The slot keeps 16 px of margin each side on screens narrower than the box.
        sizes = f"(max-width: {width + 32}px) calc(100vw - 32px), {width}px"
        narrow = (("narrow", "narrow2x"), "calc(100vw - 32px)", NARROW_MEDIA) if banner.narrow_size else None
        loading = "eager" if slot == Slot.TOP else "lazy"
        picture = picture_html(banner, ("slot", "slot2x"), sizes, banner.alt_text, loading=loading, narrow=narrow)
    return {"banner": banner, "picture": picture, "slot": slot.value, "width": width, "height": height}
