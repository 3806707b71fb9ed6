"""정확도순 and 최신순, particles, reporters' names, capped counts: on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Byline
from search import query as search_query
from search.query import parse_terms, strip_particle
from tests.factories import make_listing

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def titles(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("term", "stem"),
    [
        ("지역경제를", "지역경제"),
        ("파주시에서", "파주시"),
        ("축제가", "축제"),
        ("예산은", "예산"),
        ("경기도", "경기도"),
        ("10만", "10만"),
        ("회의", "회의"),
        ("경제", "경제"),
        ("K-푸드", "K-푸드"),
    ],
)
def test_a_particle_after_a_word_is_dropped_but_short_words_stay_whole(term, stem):
    assert strip_particle(term) == stem


def test_quoted_phrases_keep_their_particles_and_letter_only_phrases_are_dropped():
    assert parse_terms('"지역경제를 살리자" 예산을') == ["지역경제를 살리자", "예산"]
    assert parse_terms('"a b" 경제') == ["경제"]


def test_word_with_a_particle_finds_the_article_with_the_bare_word(client, make_article):
    found = make_article(title="지역경제 살리기", body="<p>시장 상인들</p>")
    make_article(title="지역 축제", body="<p>경제 이야기는 없다</p>")
    assert titles(client, "지역경제를") == [found.title]


def test_relevance_puts_title_hits_first_then_newest(client, make_article):
    body_new = make_article(title="시의회 소식", body="<p>청보리밭 축제가 열린다</p>", published_at=ago(1))
    title_old = make_article(title="청보리밭 축제 개막", published_at=ago(30))
    body_old = make_article(title="문화 소식", body="<p>청보리밭 사진</p>", published_at=ago(60))
    title_new = make_article(title="청보리밭 길 새로 열려", published_at=ago(2))
    relevance = [title_new.title, title_old.title, body_new.title, body_old.title]
    assert titles(client, "청보리밭") == relevance
    assert titles(client, "청보리밭", sort="relevance") == relevance
    latest = [body_new.title, title_new.title, title_old.title, body_old.title]
    assert titles(client, "청보리밭", sort="latest") == latest


def test_sort_links_keep_the_query_and_mark_the_current_order(client, make_article):
    make_article(title="청보리밭 축제")
    content = client.get(URL, {"q": "청보리밭", "sort": "latest"}).content.decode()
    assert '<strong aria-current="true">최신순</strong>' in content
    assert 'href="?q=%EC%B2%AD%EB%B3%B4%EB%A6%AC%EB%B0%AD">정확도순</a>' in content


def test_unknown_sort_value_is_refused_next_to_nothing_and_falls_back(client, make_article):
    make_article(title="청보리밭 축제")
    assert titles(client, "청보리밭", sort="'; DROP TABLE x; --") == []


def test_reporter_name_finds_their_articles_and_shared_bylines(client, make_article, reporter, other_reporter):
    own = make_article(title="임진강 두루미", reporter=reporter)
    shared = make_article(title="운정 호수공원", reporter=other_reporter)
    Byline.objects.create(article=shared, reporter=reporter, role="사진")
    typed = make_article(title="문산 장터", reporter=other_reporter, byline="김파주 객원기자")
    make_article(title="다른 기사", reporter=other_reporter)
    assert set(titles(client, "김파주")) == {own.title, shared.title, typed.title}
    assert set(titles(client, '"이운정 기자"')) == {shared.title, typed.title, "다른 기사"}
    assert set(titles(client, "이운정")) == {shared.title, typed.title, "다른 기사"}
    response = client.get(URL, {"q": "김파주"})
    content = response.content.decode()
    assert reverse("articles:reporter", args=[reporter.username]) in content
    assert "김파주 기자</a>의 기사 모두 보기" in content


def test_articles_come_before_the_directory_block(client, make_article):
    make_article(title="장단콩 두부 기행")
    make_listing(name="장단콩 두부집")
    content = client.get(URL, {"q": "장단콩"}).content.decode()
    assert content.index("search__results") < content.index('id="listing-results"') < content.index("두부집")


@pytest.mark.parametrize("window", [datetime.timedelta(days=7), datetime.timedelta(hours=1)], ids=["one", "many"])
def test_past_the_cap_the_count_says_more_than_and_pages_stay_in_order(client, make_article, monkeypatch, window):
    """The newest COUNT_CAP + 1 matches, whether one window of dates holds them or several (PostgreSQL)."""
    monkeypatch.setattr(search_query, "COUNT_CAP", 4)
    monkeypatch.setattr(search_query, "FIRST_WINDOW", window)
    made = [make_article(title=f"축제 {n}", published_at=ago(n)) for n in range(1, 7)]
    made.append(make_article(title="시장 소식", body="<p>축제 준비</p>", published_at=ago(0.5)))
    made.append(make_article(title="옛 축제", published_at=ago(3000)))
    response = client.get(URL, {"q": "축제", "sort": "latest"})
    assert "기사 4건 이상" in response.content.decode()
    newest_first = ["시장 소식"] + [article.title for article in made[:6]]
    assert [a.title for a in response.context["articles"]] == newest_first[:4]
    relevance = client.get(URL, {"q": "축제"})
    assert [a.title for a in relevance.context["articles"]] == [article.title for article in made[:4]]


def test_a_rare_term_is_found_in_the_oldest_window(client, make_article, monkeypatch):
    monkeypatch.setattr(search_query, "FIRST_WINDOW", datetime.timedelta(hours=1))
    old = make_article(title="꽃게탕 맛집", published_at=ago(5000))
    new = make_article(title="시장 소식", body="<p>꽃게탕 한 그릇</p>", published_at=ago(0.01))
    assert titles(client, "꽃게탕", sort="latest") == [new.title, old.title]
    assert titles(client, "꽃게탕") == [old.title, new.title]
