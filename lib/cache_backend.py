"""The Redis cache backend: django-redis that degrades instead of failing while Redis is unreachable.

With django-redis's IGNORE_EXCEPTIONS (set in settings), reads miss and writes are dropped
while Redis is down, so pages are built from the database. `incr` then answers None, which
every counter in the apps would compare with a number; here it answers as for a key just
created (the delta), so counters and rate limits run open for the outage instead of
breaking the request. Nothing to do when Redis is back: the pool reconnects by itself.
"""

from typing import Any

from django_redis.cache import RedisCache


class DegradingRedisCache(RedisCache):  # type: ignore[misc]  # django-redis ships no types
    def incr(self, key: str, delta: int = 1, version: int | None = None, **kwargs: Any) -> int:
        value: int | None = super().incr(key, delta=delta, version=version, **kwargs)
        return delta if value is None else value
