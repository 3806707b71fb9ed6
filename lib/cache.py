"""One cached value per key (computed on a miss, cleared when its models change) and cached singleton rows."""

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")


class Cached(Generic[T]):
    """A value kept in the cache under `key` for `timeout` seconds, computed by `compute` on a miss."""

    def __init__(self, key: str, timeout: int, compute: Callable[[], T]) -> None:
        self.key = key
        self.timeout = timeout
        self.compute = compute

    def get(self) -> T:
        value: T = cache.get_or_set(self.key, self.compute, self.timeout)  # type: ignore[assignment]
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget the value; also a signal receiver, hence the ignored arguments."""
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
        cache.delete(self._cache_key())

    @classmethod
    def _cache_key(cls) -> str:
        return f"singleton:{cls._meta.label_lower}"

    @classmethod
    def load(cls) -> Self:
        """The one row, cached; created with its defaults on a fresh database."""
        row: Self = cache.get_or_set(  # type: ignore[assignment]
            cls._cache_key(), lambda: cls._default_manager.get_or_create(pk=1)[0], cls.singleton_timeout
        )
        return row
