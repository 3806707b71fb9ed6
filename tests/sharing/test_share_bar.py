"""The share bar under every article title, and the links it makes."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db

TRICKY_TITLE = "파주 \"평화 & 통일\" 축제, 임진각서 '개막'"


def share_links(page):
    bar = page[page.index('class="sharebar"') :]
    bar = bar[: bar.index("</ul>")]
    return {
        slug: {"href": html.unescape(href), "tag": tag}
        for tag, slug, href in re.findall(
            r'(<a class="sharebar__link sharebar__link--(\w+)" href="([^"]+)"[^>]*>)', bar
        )
    }


@pytest.fixture
def article_page(client, make_article, settings):
    settings.SITE_URL = "https://firstnews.example"

    def get(**fields):
        article = make_article(**fields)
        return article, client.get(article.get_absolute_url()).content.decode()

    return get


def test_every_article_has_the_five_networks_with_accessible_labels(article_page):
    _, page = article_page()
    links = share_links(page)
    assert list(links) == ["facebook", "x", "kakaostory", "band", "naverblog"]
    for name, link in links.items():
        tag = link["tag"]
        assert 'target="_blank"' in tag and 'rel="noopener"' in tag, name
        assert re.search(r'aria-label="[^"]+에 공유 \(새 창\)"', tag), name
    assert page.index('id="story-title"') < page.index('class="sharebar"') < page.index('class="byline"')


def test_korean_titles_with_spaces_ampersands_and_quotes_reach_each_dialog_intact(article_page):
    article, page = article_page(title=TRICKY_TITLE)
    url = f"https://firstnews.example/article/{article.pk}/"
    links = share_links(page)
    expected = {
        "facebook": ("www.facebook.com", "/sharer/sharer.php", {"u": [url]}),
        "x": ("twitter.com", "/intent/tweet", {"text": [TRICKY_TITLE], "url": [url]}),
        "kakaostory": ("story.kakao.com", "/share", {"url": [url]}),
        "band": ("band.us", "/plugin/share", {"body": [f"{TRICKY_TITLE}\n{url}"], "route": [url]}),
        "naverblog": ("blog.naver.com", "/openapi/share", {"url": [url], "title": [TRICKY_TITLE]}),
    }
    for name, (host, path, query) in expected.items():
        parts = urlsplit(links[name]["href"])
        assert (parts.scheme, parts.netloc, parts.path) == ("https", host, path), name
        assert parse_qs(parts.query) == query, name
        assert " " not in parts.query and "+" not in parts.query, name  # spaces are %20
    assert "%ED%8C%8C%EC%A3%BC" in links["x"]["href"]  # 파주 in UTF-8


def test_copy_link_button_is_there_for_script_to_enable(article_page):
    article, page = article_page()
    assert f'data-share-copy="https://firstnews.example/article/{article.pk}/"' in page
    assert ">링크 복사</button>" in page
    assert 'role="status" aria-live="polite"' in page


def test_kakaotalk_appears_only_with_a_kakao_key(article_page, settings):
    _, page = article_page()
    assert "카카오톡" not in page and "kakao_js_sdk" not in page
    settings.KAKAO_JS_KEY = "test-javascript-key"
    settings.KAKAO_JS_SDK_INTEGRITY = "sha384-test"
    _, page = article_page()
    assert 'aria-label="카카오톡으로 공유 (새 창)"' in page
    assert 'integrity="sha384-test" crossorigin="anonymous"' in page
    assert 'data-kakao-key="test-javascript-key"' in page


def test_share_bar_keeps_the_article_page_cacheable(client, make_article):
    response = client.get(make_article(title=TRICKY_TITLE).get_absolute_url())
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
