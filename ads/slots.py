"""Which banner each slot shows, read from the cache so that pages cost no query for ads."""

import random

from django.utils import timezone

from .models import SCHEDULED_BANNERS


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
