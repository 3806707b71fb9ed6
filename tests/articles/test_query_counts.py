"""Every public page makes the same number of queries with 10 articles as with 200."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Correction, FrontPagePin, Section, Tag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("figures_stay_cached")]


def fill(reporter, total):
    sections = list(Section.objects.filter(group__kind="articles"))
    now = timezone.now()
    existing = Article.objects.count()
    created = Article.objects.bulk_create(
        Article(
            section=sections[i % len(sections)],
            title=f"기사 {i}",
            summary="요약",
            body="<p>본문</p>",
            reporter=reporter,
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(minutes=i + 1),
            video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" if i % 13 == 5 else "",
            view_count=i,
        )
        for i in range(existing, total)
    )
    # tags, shared bylines, corrections and pins on every article, so their lists grow too
    tag, _ = Tag.objects.get_or_create(name="운정신도시")
    for article in created:
        article.tags.add(tag)
        Byline.objects.create(article=article, reporter=reporter, role="글·사진")
        Correction.objects.create(article=article, text=f"{article.title}의 날짜를 바로잡습니다.")
        if article.pk % 7 == 0:
            FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=article, order=article.pk)


def count_queries(client, url):
    client.get(url)  # warm the menu and site-settings caches, as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = {
    "home": lambda: reverse("articles:home"),
    "group": lambda: reverse("articles:group", args=["news"]),
    "section": lambda: reverse("articles:section", args=["news", "paju"]),
    "reporter": lambda: reverse("articles:reporter", args=["reporter"]),
    "article": lambda: Article.objects.order_by("id").first().get_absolute_url(),
    "tag": lambda: reverse("articles:tag", args=["운정신도시"]),
    "corrections": lambda: reverse("articles:corrections"),
    "photo": lambda: reverse("articles:photo"),
}
# The article page's bylines, tags and corrections are read only when its story fragments are made; the
# article, its 이전/다음 and related lists and a guest's comment section are cached under the content
# generation: warm, the article page makes the footer figures' query alone (none with Redis).
BUDGET = {"article": 1}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_stays_flat_as_articles_grow(client, reporter, page):
    fill(reporter, 10)
    small = count_queries(client, PAGES[page]())
    fill(reporter, 200)
    large = count_queries(client, PAGES[page]())
    assert small == large
    assert large <= BUDGET.get(page, 6)


def test_deep_pages_cost_the_same_as_the_first(client, reporter):
    fill(reporter, 400)
    url = reverse("articles:group", args=["news"])
    first = count_queries(client, url)
    deep = count_queries(client, url + "?page=12")
    assert first == deep


@pytest.mark.parametrize(
    ("page", "warm_budget", "cold_budget"), [("article", 1, 12), ("section", 1, 10), ("home", 1, 10)]
)
def test_queries_with_the_cache_warm_and_empty(client, reporter, page, warm_budget, cold_budget):
    """Warm, what a running site pays per uncached render: no query. The article and its lists, a list
    page's count and items, the home page's blocks are cached under the content generation; only the
    footer's live visitor figures are one query on every page without Redis (this SQLite run; none with
    it). Empty: after a Redis restart (menu, settings, 속보, banners, the sidebar lists with the next
    scheduled change, the article with its tags and 이전/다음, related, fragments all read again; these
    articles all have shared bylines and corrections, two queries most articles do not make)."""
    fill(reporter, 30)
    url = PAGES[page]()
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    assert len(warm) <= warm_budget, [q["sql"] for q in warm.captured_queries]
    assert len(cold) <= cold_budget, [q["sql"] for q in cold.captured_queries]


@pytest.mark.parametrize(("page", "budget"), [("article", 6), ("section", 4), ("home", 3)])
def test_queries_after_an_article_is_saved(client, reporter, page, budget):
    """The everyday miss: an article saved moves the content generation, so every page is made again,
    but the site's own pieces (menu, settings, 속보, banners, 많이 본 뉴스) stay cached. Article: the
    article with its tags and 이전/다음, related, corrections, bylines, comments, the sidebar lists with
    the next scheduled change (6)."""
    fill(reporter, 30)
    url = PAGES[page]()
    client.get(url)
    edited = Article.objects.order_by("-id").first()
    edited.title = "고친 제목"
    edited.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    if not settings.REDIS_URL:
        budget += 1  # the footer's live figures, kept only in a shared cache
    assert len(queries) <= budget, [q["sql"] for q in queries.captured_queries]


def test_an_article_without_shared_bylines_or_corrections_reads_neither(client, reporter):
    """The article's query says whether it has shared bylines and corrections (EXISTS): most have none,
    and their story is then made without those two queries."""
    fill(reporter, 30)  # every one of these has a shared byline and a correction
    plain = Article.objects.order_by("id").first()
    plain.bylines.all().delete()
    plain.corrections.all().delete()
    counts = {}
    for article in (plain, Article.objects.order_by("id").last()):
        client.get(article.get_absolute_url())
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            page = client.get(article.get_absolute_url()).content.decode()
        counts[article] = len(cold)
        assert ("correction-notice" in page) == (article != plain)
    assert counts[plain] == counts[Article.objects.order_by("id").last()] - 2
    assert counts[plain] <= 10  # the target with Redis empty
