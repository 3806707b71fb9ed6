"""RSS 2.0 feeds parse cleanly in a feed reader and show only published articles."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Tag

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


@pytest.fixture
def hidden(make_article):
    return [
        make_article(title="초안 기사", status=Article.Status.DRAFT),
        make_article(title="검토 중 기사", status=Article.Status.REVIEW),
        make_article(title="예약 기사", published_at=timezone.now() + datetime.timedelta(hours=2)),
    ]


def test_site_feed_lists_published_articles_with_every_field(client, make_article, image_upload, hidden):
    article = make_article(
        title="장단콩 축제 개막",
        summary="임진각에서 장단콩 축제가 열렸다.",
        photo=image_upload(),
        photo_alt="축제장 모습",
        published_at=datetime.datetime(2026, 11, 20, 1, 30, tzinfo=datetime.UTC),
    )
    feed = parse(client, reverse("articles:feed"))
    assert feed.feed.title == "퍼스트신문 - 전체 기사"
    assert feed.feed.language == "ko"
    [entry] = feed.entries
    assert entry.title == "장단콩 축제 개막"
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.summary == "임진각에서 장단콩 축제가 열렸다."
    assert entry.author == "reporter@example.com (김파주 기자)"
    assert [tag.term for tag in entry.tags] == ["퍼스트뉴스", "파주뉴스"]
    assert entry.published == "Fri, 20 Nov 2026 10:30:00 +0900"
    [enclosure] = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://") and enclosure.href.endswith("-share.jpg")
    assert int(enclosure.length) > 0


def test_feeds_contain_no_draft_or_future_article(client, make_article, reporter, hidden):
    tag = Tag.objects.create(name="파주")
    make_article(title="공개 기사").tags.add(tag)
    for article in hidden:
        article.tags.add(tag)
    urls = [
        reverse("articles:tag_feed", args=[tag.slug]),
        reverse("articles:feed"),
        reverse("articles:group_feed", args=["news"]),
        reverse("articles:section_feed", args=["news", "paju"]),
        reverse("articles:reporter_feed", args=[reporter.username]),
    ]
    for url in urls:
        assert [entry.title for entry in parse(client, url).entries] == ["공개 기사"]


def test_tag_feed_holds_only_that_tags_articles_and_is_announced_on_the_tag_page(client, make_article):
    tag = Tag.objects.create(name="운정 호수공원")
    make_article(title="호수공원 음악회").tags.add(tag)
    make_article(title="태그 없는 기사")
    assert [entry.title for entry in parse(client, reverse("articles:tag_feed", args=[tag.slug])).entries] == [
        "호수공원 음악회"
    ]
    page = client.get(tag.get_absolute_url()).content.decode()
    assert (
        f'type="application/rss+xml" title="퍼스트신문 #운정 호수공원" href="{reverse("articles:tag_feed", args=[tag.slug])}"'
        in page
    )


def test_group_and_section_feeds_hold_only_their_articles(client, make_article):
    make_article(section="paju", title="파주뉴스 기사")
    make_article(section="safety", title="치안 기사")
    make_article(section="city-council", title="시의회 기사")
    group = parse(client, reverse("articles:group_feed", args=["news"]))
    assert group.feed.title == "퍼스트신문 - 퍼스트뉴스"
    assert {entry.title for entry in group.entries} == {"파주뉴스 기사", "치안 기사"}
    section = parse(client, reverse("articles:section_feed", args=["city", "city-council"]))
    assert section.feed.title == "퍼스트신문 - 시정 › 시의회"
    assert section.feed.link == "http://testserver/section/city/city-council/"
    assert [entry.title for entry in section.entries] == ["시의회 기사"]


def test_reporter_feed_holds_only_that_reporters_articles(client, make_article, other_reporter):
    make_article(title="김 기자 기사")
    make_article(title="이 기자 기사", reporter=other_reporter)
    feed = parse(client, reverse("articles:reporter_feed", args=[other_reporter.username]))
    assert feed.feed.title == "퍼스트신문 - 이운정 기자"
    assert [entry.title for entry in feed.entries] == ["이 기자 기사"]


def test_reporter_feed_includes_articles_they_share_a_byline_on(client, make_article, other_reporter):
    shared = make_article(title="함께 쓴 기사")
    Byline.objects.create(article=shared, reporter=other_reporter, role="사진")
    feed = parse(client, reverse("articles:reporter_feed", args=[other_reporter.username]))
    assert [entry.title for entry in feed.entries] == ["함께 쓴 기사"]


def test_unknown_group_section_or_reporter_feed_is_404(client, member):
    assert client.get(reverse("articles:group_feed", args=["nope"])).status_code == 404
    assert client.get(reverse("articles:group_feed", args=["directory"])).status_code == 404
    assert client.get(reverse("articles:section_feed", args=["city", "paju"])).status_code == 404
    assert client.get(reverse("articles:reporter_feed", args=[member.username])).status_code == 404


def test_pages_announce_their_feeds(client, make_article, reporter):
    article = make_article()
    site_feed = 'type="application/rss+xml" title="퍼스트신문 전체 기사" href="/rss/"'
    pages = {
        reverse("articles:home"): None,
        reverse("articles:group", args=["news"]): "/rss/section/news/",
        reverse("articles:section", args=["news", "paju"]): "/rss/section/news/paju/",
        reverse("articles:reporter", args=[reporter.username]): f"/rss/reporter/{reporter.username}/",
        article.get_absolute_url(): "/rss/section/news/paju/",
    }
    for url, own_feed in pages.items():
        content = client.get(url).content.decode()
        assert site_feed in content
        if own_feed:
            assert 'type="application/rss+xml"' in content and f'href="{own_feed}"' in content


def test_feed_query_count_does_not_grow_with_articles(client, make_article, django_assert_max_num_queries):
    for _ in range(3):
        make_article()
    client.get(reverse("articles:feed"))
    with django_assert_max_num_queries(3):
        client.get(reverse("articles:feed"))
    for _ in range(30):
        make_article()
    with django_assert_max_num_queries(3):
        client.get(reverse("articles:feed"))


def test_plain_text_fields_reach_the_reader_as_text_not_markup(client, make_article):
    """A title or summary typed with markup is text: a feed reader, reading <description> as HTML,
    finds no element in it, and shows the characters that were typed."""
    from html.parser import HTMLParser

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.text = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

        def handle_data(self, data):
            self.text.append(data)

    summary = '<b>굵게</b> <body onload="alert(1)"><img src=x onerror=alert(2)> & 끝'
    make_article(title="<i>기울임</i> 제목 & 기호", summary=summary)
    [entry] = parse(client, reverse("articles:feed")).entries
    for field, typed in ((entry.summary, summary), (entry.title, "<i>기울임</i> 제목 & 기호")):
        parser = Elements()
        parser.feed(field)
        parser.close()
        assert parser.tags == [], field
        assert "".join(parser.text) == typed
