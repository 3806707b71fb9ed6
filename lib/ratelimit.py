"""Fixed-window counters per address (or any key), kept in the cache under a keyed hash, never the raw key."""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def _cache_key(scope: str, key: str) -> str:
    return f"ratelimit:{scope}:" + salted_hmac(f"ratelimit.{scope}", key).hexdigest()[:32]


def count(scope: str, key: str, window: int) -> int:
    """Count one hit of `key` in `scope`; return the hits in the current window, this one included.

    The window opens with the first hit and lasts `window` seconds (cache.add sets the expiry once,
    incr never moves it). An entry that expires between add and incr opens a new window.
    """
    cache_key = _cache_key(scope, key)
    if cache.add(cache_key, 1, window):
        return 1
    try:
        return int(cache.incr(cache_key))
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window)
        return 1


def hit(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one hit; True while `key` has made at most `limit` hits in the window, False past it."""
    return count(scope, key, window) <= limit


def used(scope: str, key: str) -> int:
    """The hits counted for `key` in the current window, without counting one."""
    return int(cache.get(_cache_key(scope, key), 0))
