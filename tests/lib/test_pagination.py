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
