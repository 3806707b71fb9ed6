from django.core.paginator import Page, Paginator


class BlockPaginator(Paginator):
    """Korean-style pagination (처음 · 이전 · 10 numbers · 다음 · 맨끝) that stays fast on deep pages.

    A page first reads only the ids of its rows, which the list index answers
    without touching the table, then loads those rows by primary key.
    """

    block_size = 10

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset = self.object_list
        ids = list(queryset.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = {row.pk: row for row in queryset.filter(pk__in=ids)} if ids else {}
        return BlockPage([rows[pk] for pk in ids if pk in rows], number, self)


class BlockPage(Page):
    @property
    def block(self):
        """The 10 page numbers around this page, aligned to blocks of ten."""
        size = self.paginator.block_size
        start = (self.number - 1) // size * size + 1
        return range(start, min(start + size, self.paginator.num_pages + 1))

    @property
    def previous_block_page(self):
        start = self.block.start
        return start - 1 if start > 1 else None

    @property
    def next_block_page(self):
        stop = self.block.stop
        return stop if stop <= self.paginator.num_pages else None
