"""Korean-style block pagination (처음 · 이전 · 10 numbers · 다음 · 맨끝) that stays fast on deep pages."""

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.utils.functional import SimpleLazyObject

from lib import pagecache

# Lists count at most this many rows: past it they say "10,000건 이상" and stop at the page that holds
# the 10,000th row, so the deepest page reads at most this many index entries (the first reads one page).
COUNT_CAP = 10_000


class BlockPaginator(Paginator):  # type: ignore[type-arg]
    """Pages of a QuerySet in blocks of ten page numbers, counted up to `count_cap` rows.

    A page first reads only the ids of its rows, which the list index answers
    without touching the table, then loads those rows by primary key. `ids`, when
    given, makes the ordered query of the first `limit` ids (rows whose first column
    is the primary key; a UNION is fine) for lists that one index cannot serve in order.
    `count_cache` (key, content generation) keeps the capped count in the cache under that
    generation (lib.pagecache.kept): a list page renders without counting until the content changes.
    """

    block_size = 10
    object_list: QuerySet[Any]

    def __init__(
        self,
        object_list: Any,
        per_page: int | str,
        *args: Any,
        count_cap: int = COUNT_CAP,
        ids: Callable[[int], QuerySet[Any]] | None = None,
        count_cache: tuple[str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(object_list, per_page, *args, **kwargs)
        self.count_cap = count_cap
        self.ids = ids
        self.count_cache = count_cache

    @cached_property
    def _found(self) -> int:
        if self.count_cache is None:
            return self._count_up_to_cap()
        key, generation = self.count_cache
        return pagecache.kept(key, generation, self._count_up_to_cap, settings.FRAGMENT_CACHE_SECONDS)

    def _count_up_to_cap(self) -> int:
        """Rows up to one past the cap: a bounded COUNT over a LIMIT subquery."""
        if self.ids is not None:
            return self.ids(self.count_cap + 1).count()
        if isinstance(self.object_list, QuerySet):
            # Unordered: any 10,001 rows will do, so PostgreSQL stops after that many index entries
            # instead of sorting all of a group's rows (7 ms instead of 485 ms for 303,000 at 1M).
            return self.object_list.order_by()[: self.count_cap + 1].count()
        return int(super().count)

    @property
    def count(self) -> int:
        return min(self._found, self.count_cap)

    @property
    def capped(self) -> bool:
        """More rows than the cap: the page says "10,000건 이상"."""
        return self._found > self.count_cap

    def page(self, number: int | str) -> "BlockPage":
        """The page's rows are read when first used: a list page whose items come from a cached
        fragment (includes/article_items.html) reads only the count."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        return BlockPage(SimpleLazyObject(lambda: self.rows(bottom, top)), number, self)

    def rows(self, bottom: int, top: int) -> list[Model]:
        ids = self.page_ids(bottom, top) if top > bottom else []
        found: dict[Any, Model] = self.object_list.in_bulk(ids) if ids else {}
        return [found[pk] for pk in ids if pk in found]

    def page_ids(self, bottom: int, top: int) -> list[Any]:
        if self.ids is not None:
            return [row[0] if isinstance(row, tuple) else row for row in self.ids(top)[bottom:top]]
        return list(self.object_list.values_list("pk", flat=True)[bottom:top])


class BlockPage(Page):  # type: ignore[type-arg]
    paginator: BlockPaginator

    @property
    def block(self) -> range:
        """The 10 page numbers around this page, aligned to blocks of ten."""
        size = self.paginator.block_size
        start = (self.number - 1) // size * size + 1
        return range(start, min(start + size, self.paginator.num_pages + 1))

    @property
    def previous_block_page(self) -> int | None:
        start = self.block.start
        return start - 1 if start > 1 else None

    @property
    def next_block_page(self) -> int | None:
        stop = self.block.stop
        return stop if stop <= self.paginator.num_pages else None
