"""sitemap.xml, the Google News sitemap and robots.txt, as a crawler reads them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Tag

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 our own response


def locations(root):
    return [element.text for element in root.iter(f"{SITEMAP}loc")]


@pytest.fixture
def hidden(make_article):
    return [
        make_article(title="초안", status=Article.Status.DRAFT),
        make_article(title="예약", published_at=timezone.now() + datetime.timedelta(hours=1)),
    ]


def test_sitemap_index_names_every_section_in_the_sitemap_namespace(client):
    root = xml(client, reverse("articles:sitemap"))
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert locations(root) == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-reporters.xml",
        "http://testserver/sitemap-tags.xml",
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-policies.xml",
        "http://testserver/sitemap-directory.xml",
        "http://testserver/sitemap-epaper.xml",
    ]


def test_tags_listings_policy_pages_and_editions_are_listed(client, make_article):
    from articles.models import Tag
    from tests.factories import make_edition, make_listing

    shown, unused = Tag.objects.create(name="임진각"), Tag.objects.create(name="초안에만")
    make_article().tags.add(shown)
    make_article(status=Article.Status.DRAFT).tags.add(unused)
    assert locations(xml(client, reverse("articles:sitemap_section", args=["tags"]))) == [
        f"http://testserver{shown.get_absolute_url()}"
    ]
    listing = make_listing()
    make_listing(is_published=False)
    listings = locations(xml(client, reverse("articles:sitemap_section", args=["directory"])))
    assert listings == [f"http://testserver{listing.get_absolute_url()}"]
    policies = locations(xml(client, reverse("articles:sitemap_section", args=["policies"])))
    assert "http://testserver/page/privacy/" in policies and len(policies) == 5
    edition = make_edition()
    editions = locations(xml(client, reverse("articles:sitemap_section", args=["epaper"])))
    assert editions == [f"http://testserver{edition.get_absolute_url()}"]


def test_article_sitemap_lists_published_articles_with_lastmod(client, make_article, hidden):
    article = make_article()
    root = xml(client, reverse("articles:sitemap_section", args=["articles"]))
    assert root.tag == f"{SITEMAP}urlset"
    [url] = root.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == f"http://testserver{article.get_absolute_url()}"
    lastmod = datetime.datetime.fromisoformat(url.findtext(f"{SITEMAP}lastmod"))
    assert lastmod.utcoffset() == datetime.timedelta(hours=9)
    assert abs(lastmod - article.updated_at) < datetime.timedelta(seconds=1)


def test_sections_pages_and_reporters_are_listed(client, make_article, reporter, other_reporter):
    make_article()
    make_article(reporter=other_reporter, status=Article.Status.DRAFT)
    sections = locations(xml(client, reverse("articles:sitemap_section", args=["sections"])))
    assert "http://testserver/section/news/" in sections
    assert "http://testserver/section/news/paju/" in sections
    assert "http://testserver/directory/" in sections
    assert "http://testserver/directory/food/" in sections
    assert locations(xml(client, reverse("articles:sitemap_section", args=["pages"]))) == ["http://testserver/"]
    reporters = locations(xml(client, reverse("articles:sitemap_section", args=["reporters"])))
    assert reporters == [f"http://testserver/reporter/{reporter.username}/"]


def test_news_sitemap_lists_articles_of_the_last_two_days(client, make_article, hidden):
    today = make_article(title="오늘 기사 <특보> & 속보")
    make_article(title="사흘 전 기사", published_at=timezone.now() - datetime.timedelta(days=3))
    root = xml(client, reverse("articles:news_sitemap"))
    assert root.tag == f"{SITEMAP}urlset"
    [url] = root.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == f"http://testserver{today.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "퍼스트신문"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "ko"
    assert news.findtext(f"{NEWS}title") == "오늘 기사 <특보> & 속보"
    published = datetime.datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert published == today.published_at.replace(microsecond=0)  # to the second
    assert published.utcoffset() == datetime.timedelta(hours=9)


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_private_pages(client, settings):
    settings.SITE_URL = "https://firstnews.example"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://firstnews.example/sitemap.xml" in lines
    assert "Sitemap: https://firstnews.example/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines


def test_sitemap_query_counts_do_not_grow_with_articles(client, make_article, django_assert_max_num_queries):
    urls = [
        reverse("articles:sitemap"),
        reverse("articles:sitemap_section", args=["articles"]),
        reverse("articles:news_sitemap"),
    ]

    def counts():
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        result = []
        for url in urls:
            client.get(url)  # creates the site-settings row on first use, as a running site has it
            cache.clear()  # the sitemaps are cached; count what building one costs
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    for _ in range(3):
        make_article()
    small = counts()
    for _ in range(30):
        make_article()
    assert counts() == small


def test_article_sitemap_pages_are_ranges_of_ids_newest_first(client, make_article, hidden, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article(title=f"기사 {n}") for n in range(3)]
    top = max(article.pk for article in [*articles, *hidden])
    pages = -(-top // 2)
    index = locations(xml(client, reverse("articles:sitemap")))
    article_pages = [url for url in index if "sitemap-articles.xml" in url]
    assert len(article_pages) == pages  # counted from the newest id, not from every row
    shown = []
    for page in range(1, pages + 1):
        urls = locations(xml(client, reverse("articles:sitemap_section", args=["articles"]) + f"?p={page}"))
        shown += [int(url.rstrip("/").rsplit("/", 1)[1]) for url in urls]
    assert shown == sorted((article.pk for article in articles), reverse=True)  # hidden ones nowhere
    assert client.get(reverse("articles:sitemap_section", args=["articles"]) + f"?p={pages + 1}").status_code == 404


def test_reporter_lastmod_is_the_change_of_their_newest_article(client, make_article, reporter):
    old = make_article(published_at=timezone.now() - datetime.timedelta(days=3))
    new = make_article(published_at=timezone.now() - datetime.timedelta(days=1))
    for article in (old, new):
        article.tags.add(Tag.objects.get_or_create(name="운정신도시")[0])
    make_article(status=Article.Status.DRAFT).tags.add(Tag.objects.get(name="운정신도시"))
    new.refresh_from_db()
    root = xml(client, reverse("articles:sitemap_section", args=["reporters"]))
    [lastmod] = [element.text for element in root.iter(f"{SITEMAP}lastmod")]
    assert abs(datetime.datetime.fromisoformat(lastmod) - new.updated_at) < datetime.timedelta(seconds=1)
    assert locations(xml(client, reverse("articles:sitemap_section", args=["tags"]))) == [
        "http://testserver/tag/%EC%9A%B4%EC%A0%95%EC%8B%A0%EB%8F%84%EC%8B%9C/"
    ]
