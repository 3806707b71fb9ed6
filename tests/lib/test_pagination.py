import pytest

from articles.models import Group
from lib.pagination import BlockPaginator


@pytest.fixture
def groups(db):
    return [Group.objects.create(name=f"묶음 {n}", slug=f"group-{n}") for n in range(25)]


def test_a_page_holds_its_rows_in_order_and_blocks_of_ten_numbers(groups):
    paginator = BlockPaginator(Group.objects.filter(slug__startswith="group-").order_by("id"), 2)
    page = paginator.page(6)
    assert [row.pk for row in page] == [groups[10].pk, groups[11].pk]
    assert list(page.block) == list(range1(1, 10))
    assert page.previous_block_page is None
    assert page.next_block_page == 11
    last = paginator.page(13)
    assert list(last.block) == [11, 12, 13]
    assert last.previous_block_page == 10
    assert last.next_block_page is None


def range1(first, last):
    return range(first, last + 1)


def test_a_count_past_the_cap_stops_there_and_says_so(groups):
    queryset = Group.objects.filter(slug__startswith="group-").order_by("id")
    paginator = BlockPaginator(queryset, 2, count_cap=5)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (5, True, 3)
    assert [row.pk for row in paginator.page(3)] == [groups[4].pk]  # the cap's row ends the last page
    exact = BlockPaginator(queryset, 2, count_cap=25)
    assert (exact.count, exact.capped) == (25, False)


def test_an_ids_query_orders_the_page_and_bounds_the_count(groups):
    queryset = Group.objects.filter(slug__startswith="group-")
    asked = []

    def newest_first(limit):
        asked.append(limit)
        return queryset.order_by("-id").values_list("pk", "slug")[:limit]

    paginator = BlockPaginator(queryset, 3, count_cap=10, ids=newest_first)
    assert [row.pk for row in paginator.page(2)] == [groups[21].pk, groups[20].pk, groups[19].pk]
    assert paginator.capped and paginator.count == 10
    assert asked == [11, 6]  # the count reads one past the cap, a page only up to its end
