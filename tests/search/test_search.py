"""Korean search over published articles, on SQLite and (with DATABASE_URL) on PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from search.query import parse_terms

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def titles(response):
    return [article.title for article in response.context["articles"]]


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


@pytest.fixture
def stories(make_article):
    return {
        "economy": make_article(
            title="지역경제 살리기 나선 파주시",
            body="<p>파주시가 <strong>골목</strong>상권 회복을 위해 예산을 편성했다.</p>",
        ),
        "festival": make_article(
            section="culture-sports",
            title="장단콩 축제 사흘간 열려",
            summary="임진각 일대에서 축제가 열렸다.",
            body="<p>올해 장단콩 축제에는 5G 체험관과 K-푸드 부스가 마련됐다.</p>",
        ),
        "council": make_article(
            section="city-council",
            title="시의회 임시회 개회",
            body="<p>의원들은 100% 출석했고 안건_번호 7건을 다뤘다. 경제 분야 질의가 이어졌다.</p>",
        ),
    }


def test_two_syllable_korean_word_finds_articles_containing_it(client, stories):
    assert set(titles(search(client, "경제"))) == {stories["economy"].title, stories["council"].title}
    assert titles(search(client, "축제")) == [stories["festival"].title]


def test_longer_words_phrases_and_several_terms(client, stories):
    assert titles(search(client, "장단콩")) == [stories["festival"].title]
    assert titles(search(client, '"장단콩 축제"')) == [stories["festival"].title]
    assert titles(search(client, '"축제 장단콩"')) == []
    assert titles(search(client, "파주시 예산")) == [stories["economy"].title]
    assert titles(search(client, "파주시 축제")) == []


def test_body_is_searched_as_text_not_markup(client, stories):
    assert titles(search(client, "골목상권")) == [stories["economy"].title]
    assert titles(search(client, "strong")) == []
    assert titles(search(client, "<p>")) == []


def test_mixed_korean_english_and_numbers(client, stories):
    assert titles(search(client, "5G 체험관")) == [stories["festival"].title]
    assert titles(search(client, "k-푸드")) == [stories["festival"].title]
    assert titles(search(client, "7건")) == [stories["council"].title]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("100%", ["council"]),
        ("%", []),
        ("%%", []),
        ("_번호", ["council"]),
        ("__", []),
        ("'; DROP TABLE articles_article; --", []),
        ('" OR 1=1 --', []),
        ("\\", []),
        ("경제\\%", []),
        ("<script>alert(1)</script>", []),
    ],
)
def test_hostile_input_is_taken_literally(client, stories, query, expected):
    response = search(client, query)
    assert sorted(titles(response)) == sorted(stories[key].title for key in expected)
    assert Article.objects.count() == 3
    assert b"<script>alert(1)" not in response.content


def test_drafts_and_scheduled_articles_are_never_found(client, make_article):
    make_article(title="경제 초안", status=Article.Status.DRAFT)
    make_article(title="경제 검토", status=Article.Status.REVIEW)
    make_article(title="경제 예약", published_at=timezone.now() + datetime.timedelta(hours=1))
    shown = make_article(title="경제 발행")
    assert titles(search(client, "경제")) == [shown.title]


def test_matches_are_highlighted_after_escaping(client, make_article):
    make_article(title="<b>경제</b> & 축제", body="<p>경제 &lt;특집&gt;</p>")
    content = search(client, "경제").content.decode()
    assert "&lt;b&gt;<mark>경제</mark>&lt;/b&gt; &amp; 축제" in content
    assert "<mark>경제</mark> &lt;특집&gt;" in content


@pytest.mark.parametrize("query", ["", "경", "  a  ", "a b"])
def test_empty_or_one_character_query_gets_a_korean_hint(client, stories, query):
    response = search(client, query)
    assert titles(response) == []
    assert "두 글자 이상" in response.content.decode()


def test_page_without_query_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "찾고 싶은 낱말을 두 글자 이상 입력하세요" in response.content.decode()


def test_no_match_says_so(client, stories):
    assert "들어간 기사가 없습니다" in search(client, "없는낱말").content.decode()


def test_filters_by_group_section_and_dates(client, make_article):
    now = timezone.localtime()
    old = make_article(title="경제 옛날", published_at=now - datetime.timedelta(days=40))
    council = make_article(section="city-council", title="경제 시의회")
    culture = make_article(section="culture-sports", title="경제 문화")
    assert titles(search(client, "경제", group="city")) == [council.title]
    assert titles(search(client, "경제", section="culture-sports")) == [culture.title]
    since = (now - datetime.timedelta(days=7)).date().isoformat()
    assert set(titles(search(client, "경제", start=since))) == {council.title, culture.title}
    until = (now - datetime.timedelta(days=30)).date().isoformat()
    assert titles(search(client, "경제", end=until)) == [old.title]


def test_bad_filter_values_are_explained_next_to_the_field(client, stories):
    response = search(client, "경제", start="2026-05-10", end="2026-05-01")
    assert "종료일은 시작일과 같거나 그 뒤여야 합니다." in response.content.decode()
    assert titles(response) == []
    response = search(client, "경제", section="no-such-section")
    assert response.context["form"].errors["section"]


def test_results_are_paginated_and_pages_keep_the_query(client, make_article, settings):
    for number in range(20):
        make_article(title=f"축제 소식 {number}")
    first = search(client, "축제")
    assert len(titles(first)) == 15
    assert "q=%EC%B6%95%EC%A0%9C&amp;page=2" in first.content.decode()
    assert len(titles(search(client, "축제", page=2))) == 5


def test_search_page_sets_no_cookie_and_has_no_csrf_token(client, stories):
    response = search(client, "경제")
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_header_has_a_search_box_on_every_page(client, stories):
    content = client.get(reverse("articles:home")).content.decode()
    assert f'action="{URL}"' in content
    assert 'name="q"' in content


def test_query_count_stays_flat_as_results_grow(client, make_article):
    def count():
        client.get(URL, {"q": "경제"})
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"q": "경제"}).status_code == 200
        return len(queries)

    for _ in range(3):
        make_article(title="경제 기사")
    small = count()
    for _ in range(40):
        make_article(title="경제 기사")
    assert count() == small


def test_terms_split_on_spaces_keep_quoted_phrases_and_drop_single_letters():
    assert parse_terms('파주 "장단콩 축제" a 파주') == ["파주", "장단콩 축제"]
    assert parse_terms("경") == []


def test_edited_and_deleted_articles_are_searched_as_they_are_now(client, make_article):
    article = make_article(title="임진강 두루미 관찰", body="<p>겨울 철새</p>")
    article.title = "임진강 독수리 관찰"
    article.body = "<p>겨울 <em>맹금</em>류</p>"
    article.save()
    assert titles(search(client, "두루미")) == []
    assert titles(search(client, "독수리")) == [article.title]
    assert titles(search(client, "맹금류")) == [article.title]
    article.delete()
    assert titles(search(client, "독수리")) == []


def test_articles_created_in_bulk_are_searchable(client, reporter):
    from articles.models import Section

    section = Section.objects.get(slug="paju")
    Article.objects.bulk_create(
        Article(
            section=section,
            reporter=reporter,
            title=f"청보리밭 소식 {number}",
            body="<p>경제</p>",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(minutes=1),
        )
        for number in range(3)
    )
    assert len(titles(search(client, "청보리밭"))) == 3
    assert len(titles(search(client, "경제"))) == 3
