"""현재접속자: distinct visitors seen in the last ten minutes, as 회원 and 손님.

With Redis (REDIS_URL) every app server adds to two shared sorted sets (score =
last seen), which is exact and costs no database write. Without a shared cache
the figure comes from the OnlineVisitor table, touched at most about once a
minute per visitor per process: a per-process memory cache cannot be shared,
so it never holds the figure itself, only the "touched lately" marker.
"""

import contextlib
import datetime

from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

from .models import OnlineVisitor

WINDOW = datetime.timedelta(minutes=10)
TOUCH_EVERY = 60  # seconds between two database touches of the same visitor
KEY_TTL = 24 * 60 * 60


def shared_cache():
    """True when the default cache is shared by every process and app server."""
    return not isinstance(cache, LocMemCache | DummyCache)


def _redis():
    """The raw Redis connection behind django-redis, or None without it."""
    if not shared_cache():
        return None
    try:
        from django_redis import get_redis_connection
    except ImportError:  # pragma: no cover - django-redis is a runtime dependency
        return None
    try:
        return get_redis_connection("default")
    except NotImplementedError:
        return None


def _set_names():
    return cache.make_key("visitors:online:guests"), cache.make_key("visitors:online:members")


def touch(visitor, now, day):
    """Mark the visitor as seen now. A member's guest entry (same browser, before login) is dropped."""
    guest_key = f"g:{visitor.guest_hash(day)}"
    redis = _redis()
    if redis is not None:
        guests, members = _set_names()
        score = now.timestamp()
        pipe = redis.pipeline()
        if visitor.is_member:
            pipe.zadd(members, {str(visitor.user_id): score})
            pipe.zrem(guests, guest_key)
        else:
            pipe.zadd(guests, {guest_key: score})
        pipe.expire(guests, KEY_TTL)
        pipe.expire(members, KEY_TTL)
        with contextlib.suppress(RedisError):  # Redis down: this hit is not marked online, the rest goes on
            pipe.execute()
        return
    key = visitor.online_key(day)
    if not cache.add(f"visitors:touched:{key}", True, TOUCH_EVERY):
        return
    updated = OnlineVisitor.objects.filter(key=key).update(last_seen=now)
    if not updated:
        OnlineVisitor.objects.bulk_create(
            [OnlineVisitor(key=key, is_member=visitor.is_member, last_seen=now)], ignore_conflicts=True
        )
    if visitor.is_member:
        OnlineVisitor.objects.filter(key=guest_key).delete()


def redis_counts(now):
    """(guests, members) from Redis, or None when the figures live in the database."""
    redis = _redis()
    if redis is None:
        return None
    since = (now - WINDOW).timestamp()
    pipe = redis.pipeline()
    for name in _set_names():
        pipe.zremrangebyscore(name, "-inf", f"({since}")
        pipe.zcard(name)
    try:
        _, guests, _, members = pipe.execute()
    except RedisError:  # Redis down: the figures come from the database table
        return None
    return guests, members


def purge(now):
    OnlineVisitor.objects.filter(last_seen__lt=now - datetime.timedelta(days=1)).delete()
