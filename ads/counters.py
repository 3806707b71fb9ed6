"""Banner impressions and clicks, counted in the cache and written to the database in batches.

A page view must not cost a database write, so each hit is one cache INCR
(atomic in Redis, shared by every app server). When a banner's pending count
reaches FLUSH_EVERY it is moved to the database in one UPDATE; the
`flush_ad_counters` command moves whatever is left (run it from cron or before
reading the figures). Moving subtracts exactly what it adds, so hits that arrive
meanwhile stay pending and nothing is counted twice. What can be lost: pending
hits when the cache itself is lost (a Redis restart without persistence, or a
per-process memory cache when the process ends), at most FLUSH_EVERY - 1 per
banner and kind.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import F

from .models import Banner

KINDS = ("impressions", "clicks")


def _key(kind, banner_id):
    return f"ads:{kind}:{banner_id}"


def record(kind, banner_id):
    """Count one hit; flush this banner's pending hits when there are enough of them."""
    key = _key(kind, banner_id)
    cache.add(key, 0, timeout=None)
    try:
        pending = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=None)
        pending = 1
    if pending >= settings.ADS_FLUSH_EVERY:
        flush_one(kind, banner_id)


def pending(kind, banner_id):
    return cache.get(_key(kind, banner_id)) or 0


def flush_one(kind, banner_id):
    key = _key(kind, banner_id)
    count = cache.get(key) or 0
    if count <= 0:
        return 0
    cache.decr(key, count)
    Banner.objects.filter(pk=banner_id).update(**{kind: F(kind) + count})
    return count


def flush_all():
    """Move every pending count to the database; returns {kind: hits moved}."""
    moved = dict.fromkeys(KINDS, 0)
    for banner_id in Banner.objects.values_list("pk", flat=True):
        for kind in KINDS:
            moved[kind] += flush_one(kind, banner_id)
    return moved
