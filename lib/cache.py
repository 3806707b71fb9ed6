"""One cached value per key (computed on a miss, cleared when its models change) and cached singleton rows.

Inside a request each key is read from the cache once: the value is kept for the rest of that request
(a page that shows three banner slots reads the banner schedule once), and dropped when it ends. Once
the view is known (ReadAheadMiddleware names the page by its URL name), the first key to be read also
brings, in the same round trip, every key that the last two renders of that page both read: the menu,
site settings, 속보, banners and the page's shared fragments come in one MGET instead of a GET each.
"""

import threading
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponseBase

T = TypeVar("T")

_request = threading.local()
# Per page: the keys its last render read, and those its last two renders both read (read ahead).
_last_read: dict[str, frozenset[str]] = {}
_read_ahead: dict[str, frozenset[str]] = {}


def _start(*args: Any, **kwargs: Any) -> None:
    _request.values = {}
    _request.read = set()
    _request.page = None
    _request.ahead = False


def _finish(*args: Any, **kwargs: Any) -> None:
    page, read = getattr(_request, "page", None), getattr(_request, "read", None)
    if page is not None and read:
        keys = frozenset(read)
        _read_ahead[page] = keys & _last_read.get(page, keys)
        _last_read[page] = keys
    _request.values = _request.read = _request.page = _request.ahead = None


request_started.connect(_start, dispatch_uid="lib.cache:start")
request_finished.connect(_finish, dispatch_uid="lib.cache:finish")


class ReadAheadMiddleware:
    """Names the page a request renders (its URL name) for the read-ahead of request_memo()."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *args: Any) -> None:
        if getattr(_request, "values", None) is not None and request.resolver_match:
            _request.page = request.resolver_match.view_name


def _fetch(keys: set[str]) -> None:
    """One round trip for `keys` and, the first time in a named page, that page's usual keys; what is
    found is kept in the request's memo."""
    values: dict[str, Any] = _request.values
    if not _request.ahead and _request.page in _read_ahead:
        _request.ahead = True
        keys = keys | _read_ahead[_request.page]
    values.update(cache.get_many([key for key in keys if key not in values]))


def request_memo(key: str, read: Callable[[], Any]) -> Any:
    """The cached value of `key`, read once per request (`read()` on a miss; outside a request: every
    time). The first read from the cache in a named page brings the page's usual keys with it (see the
    module); `remember()` puts values read or written elsewhere in the memo."""
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values is None:
        return read()
    _request.read.add(key)
    if key not in values and not _request.ahead and _request.page in _read_ahead:
        _fetch({key})
    if key not in values:
        values[key] = read()
    return values[key]


def read_many(keys: list[str]) -> dict[str, Any]:
    """The values the cache holds under `keys` (absent ones left out, as `cache.get_many`), each read
    once per request, in one round trip that also brings the page's usual keys the first time."""
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values is None:
        return cache.get_many(keys)
    _request.read.update(keys)
    missing = {key for key in keys if key not in values}
    if missing:
        _fetch(missing)
        for key in missing:
            values.setdefault(key, None)
    return {key: values[key] for key in keys if values[key] is not None}


def remember(key: str, value: Any) -> None:
    """`value` is what the cache holds under `key` now (just read with other keys, or just written; None:
    nothing): later reads of it in this request use it."""
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values is not None:
        values[key] = value


def forget(key: str) -> None:
    values: dict[str, Any] | None = getattr(_request, "values", None)
    if values:
        values.pop(key, None)


class Cached(Generic[T]):
    """A value kept in the cache under `key` for `timeout` seconds, computed by `compute` on a miss."""

    def __init__(self, key: str, timeout: int, compute: Callable[[], T]) -> None:
        self.key = key
        self.timeout = timeout
        self.compute = compute

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
