"""schema.org JSON-LD, site-verification tags and permanent article URLs, as portals see them."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from articles.models import Article
from pages.models import SiteSettings

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured_data(client, url):
    content = client.get(url).content.decode()
    return {data["@type"]: data for data in map(json.loads, LD_JSON.findall(content))}


@pytest.fixture
def article(make_article, image_upload, settings):
    settings.SITE_URL = "https://firstnews.example"
    return make_article(
        title="임진강 수변 산책로 잇는다 </script><b>",
        summary="문산에서 파평까지 12㎞",
        photo=image_upload(),
        photo_alt="산책로",
        published_at=datetime.datetime(2026, 11, 20, 0, 5, tzinfo=datetime.UTC),
    )


def test_article_page_describes_itself_as_a_news_article(client, article):
    data = structured_data(client, article.get_absolute_url())["NewsArticle"]
    url = f"https://firstnews.example/article/{article.pk}/"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "임진강 수변 산책로 잇는다 </script><b>"
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["datePublished"] == "2026-11-20T09:05:00+09:00"
    assert data["dateModified"].endswith("+09:00")
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [
        {"@type": "Person", "name": "김파주 기자", "url": "https://firstnews.example/reporter/reporter/"}
    ]
    assert data["publisher"]["name"] == "퍼스트신문"
    assert data["publisher"]["logo"]["url"] == "https://firstnews.example/static/images/logo.png"
    assert data["articleSection"] == "파주뉴스"
    assert data["image"][0].startswith("https://firstnews.example/media/")
    assert data["image"][0].endswith("-share.jpg")


def test_json_ld_cannot_break_out_of_its_script_element(client, article):
    content = client.get(article.get_absolute_url()).content.decode()
    assert "</script><b>" not in content.split("<body>")[0]


def test_logo_named_in_json_ld_exists(client, article, settings):
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("images/logo.png")) as logo:
        assert logo.size == (600, 60)


def test_article_page_has_breadcrumbs_and_a_canonical_url(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="https://firstnews.example/article/{article.pk}/">' in page
    crumbs = structured_data(client, article.get_absolute_url())["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in crumbs] == [
        (1, "홈", "https://firstnews.example/"),
        (2, "퍼스트뉴스", "https://firstnews.example/section/news/"),
        (3, "파주뉴스", "https://firstnews.example/section/news/paju/"),
        (4, article.title, f"https://firstnews.example/article/{article.pk}/"),
    ]


def test_home_page_offers_a_site_search_action(client, settings):
    settings.SITE_URL = "https://firstnews.example"
    data = structured_data(client, reverse("articles:home"))["WebSite"]
    assert data["url"] == "https://firstnews.example/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "https://firstnews.example/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_site_verification_tags_appear_only_when_configured(client):
    home = reverse("articles:home")
    assert "site-verification" not in client.get(home).content.decode()
    site = SiteSettings.load()
    site.naver_site_verification = "naver-code-123"
    site.google_site_verification = 'google"code'
    site.save()
    content = client.get(home).content.decode()
    assert '<meta name="naver-site-verification" content="naver-code-123">' in content
    assert '<meta name="google-site-verification" content="google&quot;code">' in content


@pytest.mark.parametrize(
    "old_url",
    [
        "/article/{pk}/임진강-수변-산책로/",
        "/article/{pk}/old-slug",
        "/article/{pk}",
        "/news/articleView.html?idxno={pk}",
        "/news/articleView.html?idxno={pk}&sc_section_code=S1N1",
    ],
)
def test_other_forms_of_an_article_url_answer_301_to_the_permanent_one(client, make_article, old_url):
    article = make_article()
    response = client.get(old_url.format(pk=article.pk))
    assert response.status_code == 301
    assert response["Location"] == f"/article/{article.pk}/"


@pytest.mark.parametrize(
    "url",
    [
        "/article/{draft}/slug/",
        "/news/articleView.html?idxno={draft}",
        "/news/articleView.html?idxno=abc",
        "/news/articleView.html",
        "/news/articleView.html?idxno=99999999999999999999999",
        "/article/999999/x/",
    ],
)
def test_legacy_urls_of_missing_or_unpublished_articles_are_404(client, make_article, url):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get(url.format(draft=draft.pk)).status_code == 404
