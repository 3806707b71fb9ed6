"""One cached value per key (computed on a miss, cleared when its models change) and cached singleton rows.

Inside a request each key is read from the cache once: the value is kept for the rest of that request
(a page that shows three banner slots reads the banner schedule once), and dropped when it ends.
"""

import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")

_request = threading.local()


def _start(*args: Any, **kwargs: Any) -> None:
    _request.values = {}


def _finish(*args: Any, **kwargs: Any) -> None:
    _request.values = None


request_started.connect(_start, dispatch_uid="lib.cache:start")
request_finished.connect(_finish, dispatch_uid="lib.cache:finish")


# Keys that nearly every page reads (menu, 속보, banners, site settings): the first read in a request
# brings them all in one round trip (request_memo). A cached page answered whole reads none of them.
_every_request: list[str] = []
_READ_AHEAD = "lib.cache:read-ahead"  # in a request's values once they were read


def read_with_every_request(key: str) -> None:
    if key not in _every_request:
        _every_request.append(key)


def request_memo(key: str, read: Callable[[], Any]) -> Any:
    """`read()` once per request for `key` (outside a request: every time). The first of the keys that
    nearly every page reads brings all of them in one round trip (read_with_every_request)."""
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values is None:
        return read()
    if key not in values and key in _every_request and _READ_AHEAD not in values:
        values[_READ_AHEAD] = True
        values.update(cache.get_many([other for other in _every_request if other not in values]))
    if key not in values:
        values[key] = read()
    return values[key]


def forget(key: str) -> None:
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values:
        values.pop(key, None)


class Cached(Generic[T]):
    """A value kept in the cache under `key` for `timeout` seconds, computed by `compute` on a miss."""

    def __init__(self, key: str, timeout: int, compute: Callable[[], T], *, every_request: bool = False) -> None:
        self.key = key
        self.timeout = timeout
        self.compute = compute
        if every_request:  # read with the other values nearly every page reads (read_with_every_request)
            read_with_every_request(key)

    def get(self) -> T:
        value: T = request_memo(self.key, lambda: cache.get_or_set(self.key, self.compute, self.timeout))
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget the value; also a signal receiver, hence the ignored arguments."""
        forget(self.key)
        cache.delete(self.key)

    def clear_on(self, *senders: type[models.Model]) -> None:
        """Clear the value whenever a row of one of `senders` is saved or deleted: the one invalidation point."""
        for sender in senders:
            post_save.connect(self.clear, sender=sender, weak=False, dispatch_uid=f"{self.key}:{sender.__name__}:save")
            post_delete.connect(
                self.clear, sender=sender, weak=False, dispatch_uid=f"{self.key}:{sender.__name__}:delete"
            )


class CachedSingleton(models.Model):
    """Abstract model of a one-row table (pk 1), read through the cache with `load()`; saving clears it."""

    singleton_timeout = 300

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        forget(self._cache_key())
        cache.delete(self._cache_key())

    @classmethod
    def read_ahead(cls) -> None:
        """Read the row with the other values nearly every page reads (read_with_every_request)."""
        read_with_every_request(cls._cache_key())

    @classmethod
    def _cache_key(cls) -> str:
        return f"singleton:{cls._meta.label_lower}"

    @classmethod
    def load(cls) -> Self:
        """The one row, cached; created with its defaults on a fresh database."""
        key = cls._cache_key()
        row: Self = request_memo(
            key,
            lambda: cache.get_or_set(key, lambda: cls._default_manager.get_or_create(pk=1)[0], cls.singleton_timeout),
        )
        return row
