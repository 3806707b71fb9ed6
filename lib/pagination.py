"""Korean-style block pagination (처음 · 이전 · 10 numbers · 다음 · 맨끝) that stays fast on deep pages."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet


class BlockPaginator(Paginator):  # type: ignore[type-arg]
    """Pages of a QuerySet in blocks of ten page numbers.

    A page first reads only the ids of its rows, which the list index answers
    without touching the table, then loads those rows by primary key.
    """

    block_size = 10
    object_list: QuerySet[Any]

    def page(self, number: int | str) -> "BlockPage":
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset = self.object_list
        ids = list(queryset.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows: dict[Any, Model] = {row.pk: row for row in queryset.filter(pk__in=ids)} if ids else {}
        return BlockPage([rows[pk] for pk in ids if pk in rows], number, self)


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
