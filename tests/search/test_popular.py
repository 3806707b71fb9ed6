"""인기 검색어: counted once per reader a day, listed from three readers up, never with personal data."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from search.models import QueryCount
from search.popular import is_listable, popular_queries

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def search_as(client, q, address):
    return client.get(URL, {"q": q}, REMOTE_ADDR=address)


@pytest.fixture
def festival(make_article):
    return make_article(title="장단콩 축제 열려", body="<p>010-1234-5678 hong@example.com</p>")


def test_a_query_three_readers_searched_is_listed_on_the_search_page(client, festival):
    for address in ["10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        search_as(client, "장단콩", address)
    cache.delete("search:popular")
    content = client.get(URL).content.decode()
    assert "인기 검색어" in content
    assert 'href="?q=%EC%9E%A5%EB%8B%A8%EC%BD%A9">장단콩</a>' in content


def test_one_reader_searching_again_and_again_counts_once(client, festival):
    for _ in range(5):
        search_as(client, "장단콩", "10.0.0.9")
    assert QueryCount.objects.get(query="장단콩").count == 1
    cache.delete("search:popular")
    assert popular_queries() == []


def test_nothing_about_the_reader_is_stored(client, festival):
    search_as(client, "장단콩", "10.0.0.7")
    row = QueryCount.objects.get()
    assert "10.0.0.7" not in str(row.__dict__)


def test_queries_without_results_are_not_counted(client, festival):
    search_as(client, "없는낱말", "10.0.0.1")
    assert not QueryCount.objects.exists()


@pytest.mark.parametrize(
    "query", ["010-1234-5678", "01012345678", "hong@example.com", "900101-1234567", "www.example.com", "02)123-4567"]
)
def test_queries_with_personal_data_are_never_counted_nor_listed(client, festival, query):
    assert not is_listable(query)
    for address in ["10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        search_as(client, query, address)
    assert not QueryCount.objects.exists()


@pytest.mark.parametrize("query", ["2026 예산", "장단콩 축제", "5G 체험관", "100%"])
def test_ordinary_queries_with_a_year_or_number_may_be_listed(query):
    assert is_listable(query)


def test_most_searched_come_first_and_old_days_do_not_count(client, festival, make_article):
    import datetime

    from django.utils import timezone

    make_article(title="축제 준비")
    today = timezone.localdate()
    QueryCount.objects.create(day=today, query="축제", count=9)
    QueryCount.objects.create(day=today - datetime.timedelta(days=2), query="장단콩", count=4)
    QueryCount.objects.create(day=today - datetime.timedelta(days=8), query="임진강", count=50)
    assert popular_queries() == ["축제", "장단콩"]
