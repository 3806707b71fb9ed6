"""Directory pages make the same number of queries with a few listings as with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Listing
from tests.factories import make_listing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("figures_stay_cached")]

CATEGORIES = ["food", "services", "retail", "medical", "education", "real-estate"]


def fill(total):
    for number in range(Listing.objects.count(), total):
        make_listing(CATEGORIES[number % len(CATEGORIES)], photo=number % 50 == 0, name=f"파주 칼국수 {number}")


def count_queries(client, url):
    client.get(url)  # warm the menu and site-settings caches, as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = {
    "index": lambda: reverse("directory:index"),
    "category": lambda: reverse("directory:category", args=["food"]),
    "category-page-2": lambda: reverse("directory:category", args=["food"]) + "?page=2",
    "detail": lambda: Listing.objects.order_by("id").first().get_absolute_url(),
    "search": lambda: reverse("directory:search") + "?q=칼국수&area=운정",
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_stays_flat_as_listings_grow(client, page):
    fill(100)
    small = count_queries(client, PAGES[page]())
    fill(220)
    large = count_queries(client, PAGES[page]())
    assert small == large
    assert large <= 7
