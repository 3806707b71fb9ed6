"""What a portal or messenger shows when someone pastes our link: Open Graph, Twitter card, canonical."""

import datetime
import html
import re

import pytest
from django.utils import timezone
from PIL import Image

pytestmark = pytest.mark.django_db


def head_tags(page):
    head = page[: page.index("</head>")]
    tags = {}
    for name, content in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', head):
        tags[name] = html.unescape(content)
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
    return tags, canonical


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://firstnews.example"


def test_article_preview_has_open_graph_twitter_card_and_canonical(client, make_article, image_upload, settings):
    published = timezone.make_aware(datetime.datetime(2026, 5, 4, 9, 30))
    article = make_article(
        title='파주 "책 축제" & 북콘서트',
        summary="출판도시에서 책 축제가 열린다.",
        photo=image_upload(size=(1600, 1000)),
        photo_alt="출판도시 책 축제 무대",
        published_at=published,
    )
    tags, canonical = head_tags(client.get(article.get_absolute_url()).content.decode())
    url = f"https://firstnews.example/article/{article.pk}/"
    assert canonical == [url]
    assert tags["og:type"] == "article"
    assert tags["og:title"] == tags["twitter:title"] == '파주 "책 축제" & 북콘서트'
    assert tags["og:description"] == tags["description"] == "출판도시에서 책 축제가 열린다."
    assert tags["og:url"] == url
    assert tags["og:site_name"] == "퍼스트신문"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["article:section"] == "파주뉴스"
    assert tags["article:published_time"] == "2026-05-04T09:30:00+09:00"
    assert datetime.datetime.fromisoformat(tags["article:modified_time"]) >= published
    assert tags["og:image"].startswith("https://firstnews.example/media/") and tags["og:image"] == tags["twitter:image"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "출판도시 책 축제 무대"
    share_file = settings.MEDIA_ROOT / tags["og:image"].removeprefix("https://firstnews.example/media/")
    with Image.open(share_file) as image:
        assert image.size == (1200, 630)


def test_article_without_photo_previews_with_the_papers_card(client, make_article):
    article = make_article(summary="")
    tags, _ = head_tags(client.get(article.get_absolute_url()).content.decode())
    assert tags["og:image"] == "https://firstnews.example/static/images/share-default.png"
    assert tags["og:description"] == article.title


@pytest.mark.parametrize(
    ("url", "canonical", "title"),
    [
        ("/", "https://firstnews.example/", "퍼스트신문"),
        ("/section/news/", "https://firstnews.example/section/news/", "퍼스트뉴스"),
        ("/section/news/paju/", "https://firstnews.example/section/news/paju/", "파주뉴스 - 퍼스트뉴스"),
        ("/section/news/paju/?page=2&utm_source=x", "https://firstnews.example/section/news/paju/?page=2", None),
    ],
)
def test_home_and_section_pages_have_previews_and_canonical_urls(client, make_article, url, canonical, title):
    for _ in range(16):
        make_article()
    tags, links = head_tags(client.get(url).content.decode())
    assert links == [canonical]
    assert tags["og:url"] == canonical and tags["og:type"] == "website"
    assert tags["og:description"] and tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"] == "https://firstnews.example/static/images/share-default.png"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    if title:
        assert tags["og:title"] == title
