"""Which banner each slot shows, read from the cache so that pages cost no query for ads."""

import random

from django.core.cache import cache
from django.utils import timezone

from .models import SLOTS_CACHE_KEY, Banner

# Saving a banner clears the cache and dates are checked at every render, so the timeout
# only bounds how long a change made without save() (a bulk update) takes to show.
CACHE_SECONDS = 60


def scheduled_banners():
    """{slot: [banner, …]} of switched-on banners that have not ended, cached for every page."""
    slots = cache.get(SLOTS_CACHE_KEY)
    if slots is None:
        now = timezone.now()
        slots = {}
        for banner in Banner.objects.filter(is_active=True).exclude(ends_at__lte=now):
            slots.setdefault(banner.slot, []).append(banner)
        cache.set(SLOTS_CACHE_KEY, slots, CACHE_SECONDS)
    return slots


def pick(slot):
    """One running banner for the slot, rotated at random, or None."""
    now = timezone.now()
    running = [banner for banner in scheduled_banners().get(slot, []) if banner.is_running(now)]
    return random.choice(running) if running else None


def is_known(banner_id):
    return any(banner.pk == banner_id for banners in scheduled_banners().values() for banner in banners)
