"""Banners and the directory block add no query to a warm page, however many there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_banner, make_listing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("figures_stay_cached")]


def count_queries(client, url):
    client.get(url)  # warm the menu, site-settings, banner and directory-block caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["home", "article"])
def test_banners_and_directory_block_cost_no_queries_on_a_warm_page(client, make_article, page):
    article = make_article()
    url = reverse("articles:home") if page == "home" else article.get_absolute_url()
    bare = count_queries(client, url)
    for number in range(12):
        make_listing(photo=number < 2)
    for slot in ("top", "sidebar", "article") * 4:
        make_banner(slot)
    dressed = client.get(url).content.decode()
    assert "adslot--top" in dressed and "adslot--sidebar" in dressed
    if page == "home":
        assert 'id="block-directory"' in dressed
    assert count_queries(client, url) == bare
