"""Pages stay cacheable, and a page served from a cache is still counted."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import hit
from visitors.models import DailyVisits

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    """The app's own page cache (lib/pagecache.py), as production runs it."""
    settings.APP_PAGE_CACHE = True


def beacon_data(page):
    """What the page's script would send: the beacon URL and the article id it carries."""
    match = re.search(r'<script src="[^"]+visitors\.js" data-url="([^"]+)"(?: data-article="(\d+)")?', page)
    return match.group(1), match.group(2)


def test_a_page_served_from_the_cache_is_still_counted(page_cache, browser, make_article):
    article = make_article()
    first, second = browser(), browser()
    first_page = first.get(article.get_absolute_url()).content.decode()
    with CaptureQueriesContext(connection) as queries:
        cached = second.get(article.get_absolute_url())
    assert len(queries) == 0, "the second reader got the cached copy"
    assert cached["X-Page-Cache"] == "hit"
    assert cached.content.decode() == first_page
    for reader, page in ((first, first_page), (second, cached.content.decode())):
        url, article_id = beacon_data(page)
        assert reader.post(url, {"a": article_id}).status_code == 204
    article.refresh_from_db()
    assert article.view_count == 2
    assert DailyVisits.objects.get().visits == 2


def test_the_beacon_answer_is_never_cached(page_cache, browser):
    reader = browser()
    hit(reader)
    hit(browser())
    assert DailyVisits.objects.get().visits == 2
    assert "no-store" in reader.get(reverse("visitors:beacon"))["Cache-Control"]


def test_staff_preview_of_a_draft_does_not_report_an_article_view(client, editor, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)
    _, article_id = beacon_data(client.get(draft.get_absolute_url()).content.decode())
    assert article_id is None
    published = make_article()
    _, article_id = beacon_data(client.get(published.get_absolute_url()).content.decode())
    assert article_id == str(published.pk)


def test_pages_other_than_articles_report_a_visit_only(client):
    url, article_id = beacon_data(client.get(reverse("articles:home")).content.decode())
    assert url == "/v/" and article_id is None
    assert '<noscript><img class="beacon" src="/v/"' in client.get("/section/news/").content.decode()
