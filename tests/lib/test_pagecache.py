"""Anonymous pages are public and cached (app cache and front cache headers); every change shows at once."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, BreakingNews, FrontPagePin
from comments import services as comment_services
from tests import factories

pytestmark = pytest.mark.django_db

HOME = "/"
RETURNING = {"fn_vid": "4f6c1b1e-returning", "_ga": "GA1.1.123.456"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.APP_PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 60


def reader(**cookies):
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def page(url, **cookies):
    response = reader(**cookies).get(url)
    assert response.status_code == 200
    return response


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("cookies", [{}, RETURNING], ids=["first-visit", "returning-reader"])
def test_anonymous_pages_are_public_with_a_validator_and_no_cookie_vary(make_article, cookies):
    article = make_article()
    for url in (
        HOME,
        article.get_absolute_url(),
        reverse("articles:section", args=["news", "paju"]),
        "/search/?q=파주",
    ):
        response = page(url, **cookies)
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60", url
        assert "cookie" not in vary(response), url
        assert response["ETag"], url
        assert not response.cookies, url


def test_etag_answers_304_from_the_app_and_from_its_cache(make_article):
    url = make_article().get_absolute_url()
    first = page(url)
    assert first["X-Page-Cache"] == "miss"
    again = reader().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert reader(**RETURNING).get(url)["X-Page-Cache"] == "hit"
    with CaptureQueriesContext(connection) as queries:
        cached = reader().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert cached.status_code == 304 and len(queries) == 0


def test_a_returning_reader_gets_the_cached_copy_without_queries(make_article):
    url = make_article().get_absolute_url()
    first = page(url)
    with CaptureQueriesContext(connection) as queries:
        cached = page(url, **RETURNING)
    assert len(queries) == 0
    assert cached["X-Page-Cache"] == "hit"
    assert cached.content == first.content
    assert cached["X-Frame-Options"] == "DENY"


def test_members_and_staff_get_private_pages_never_from_the_cache(client, member, editor, make_article):
    url = make_article().get_absolute_url()
    page(url)  # an anonymous copy is in the cache
    for user in (member, editor):
        client.force_login(user)
        response = client.get(url)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "cookie" in vary(response)
        assert user.display_name in response.content.decode()


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_cookie_that_changes_the_page_makes_it_private(make_article, cookie):
    url = make_article().get_absolute_url()
    page(url)
    response = page(url, **{cookie: "x"})
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_a_page_with_a_csrf_form_is_private_and_its_token_works():
    response = reader().get(reverse("accounts:login"))
    assert "csrftoken" in response.cookies
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in reader().get(reverse("accounts:login"))


def test_the_article_page_shows_a_guest_no_comment_form(make_article):
    html = page(make_article().get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" not in html


def test_posts_are_never_cached(client, make_article):
    response = client.post(reverse("visitors:beacon"))
    assert "public" not in response.get("Cache-Control", "")


# --- every kind of change shows at once -----------------------------------------------------------------


def cached_then(url, change):
    """The page is cached, `change()` happens, and the next anonymous reader gets a fresh page."""
    before = page(url).content.decode()
    assert page(url)["X-Page-Cache"] == "hit"
    change()
    after = page(url)
    assert after["X-Page-Cache"] == "miss"
    return before, after.content.decode()


def test_publishing_shows_on_the_home_page(make_article):
    make_article()
    draft = make_article(status=Article.Status.DRAFT, title="막 송고된 기사")

    def publish():
        draft.status = Article.Status.PUBLISHED
        draft.save()

    before, after = cached_then(HOME, publish)
    assert "막 송고된 기사" not in before and "막 송고된 기사" in after


def test_editing_and_unpublishing_show_on_the_article_page(make_article):
    article = make_article(title="처음 제목")
    url = article.get_absolute_url()

    def edit():
        article.title = "고친 제목"
        article.save()

    before, after = cached_then(url, edit)
    assert "처음 제목" in before and "고친 제목" in after
    article.status = Article.Status.DRAFT
    article.save()
    assert reader().get(url).status_code == 404


def test_comments_created_edited_and_hidden_show(make_article, member):
    article = make_article()
    url = article.get_absolute_url()
    holder = {}

    def create():
        holder["comment"] = comment_services.comment_create(article=article, author=member, text="첫 댓글입니다")

    before, after = cached_then(url, create)
    assert "첫 댓글입니다" in after and "첫 댓글입니다" not in before
    _, after = cached_then(
        url, lambda: comment_services.comment_edit(comment=holder["comment"], author=member, text="고친 댓글입니다")
    )
    assert "고친 댓글입니다" in after
    _, after = cached_then(url, lambda: comment_services.comment_hide(comment=holder["comment"]))
    assert "고친 댓글입니다" not in after


def test_a_changed_pin_shows_on_the_home_page(make_article):
    pinned = make_article(title="편집자가 고른 기사", published_at=timezone.now() - datetime.timedelta(days=30))
    for _ in range(30):
        make_article()
    before, after = cached_then(
        HOME, lambda: FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=pinned, order=0)
    )
    assert "편집자가 고른 기사" not in before and "편집자가 고른 기사" in after


def test_breaking_news_shows(make_article):
    url = make_article().get_absolute_url()
    now = timezone.now()

    def breaking():
        BreakingNews.objects.create(
            text="속보 문구 시험",
            starts_at=now - datetime.timedelta(minutes=1),
            expires_at=now + datetime.timedelta(hours=1),
        )

    before, after = cached_then(url, breaking)
    assert "속보 문구 시험" in after and "속보 문구 시험" not in before


def test_a_banner_shows(make_article):
    url = make_article().get_absolute_url()
    before, after = cached_then(url, lambda: factories.make_banner("top", alt_text="새 배너 문구"))
    assert "새 배너 문구" in after and "새 배너 문구" not in before


def test_a_scheduled_article_shows_when_its_time_comes(make_article, time_machine):
    time_machine.move_to(factories.FROZEN_NOW, tick=False)
    make_article()
    make_article(title="예약된 기사", published_at=factories.FROZEN_NOW + datetime.timedelta(seconds=30))
    first = page(HOME)
    assert "예약된 기사" not in first.content.decode()
    # neither the app nor a front cache keeps the page past the scheduled time
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=30"
    time_machine.move_to(factories.FROZEN_NOW + datetime.timedelta(seconds=10), tick=False)
    assert page(HOME)["X-Page-Cache"] == "hit"
    time_machine.move_to(factories.FROZEN_NOW + datetime.timedelta(seconds=31), tick=False)
    after = page(HOME)
    assert after["X-Page-Cache"] == "miss"
    assert "예약된 기사" in after.content.decode()


def test_a_scheduled_article_joins_the_sidebar_lists_when_its_time_comes(make_article, time_machine):
    """The sidebar's group-latest list is cached for everyone apart from the page; it is made again at
    the scheduled time too, not up to its two-minute lifetime later."""
    time_machine.move_to(factories.FROZEN_NOW, tick=False)
    older = make_article(title="먼저 나온 기사")
    make_article(
        section="safety", title="예약된 치안 기사", published_at=factories.FROZEN_NOW + datetime.timedelta(seconds=30)
    )

    def group_latest():
        html = page(older.get_absolute_url()).content.decode()
        latest = html[html.index("퍼스트뉴스</a> 최신 기사") :]
        return latest[: latest.index("</ul>")]

    assert "예약된 치안 기사" not in group_latest()
    time_machine.move_to(factories.FROZEN_NOW + datetime.timedelta(seconds=31), tick=False)
    assert "예약된 치안 기사" in group_latest()


def test_while_one_request_renders_a_changed_page_the_others_answer_the_previous_copy(make_article, rf):
    from django.core.cache import cache

    from lib import pagecache

    make_article(title="먼저 있던 기사")
    assert page(HOME)["X-Page-Cache"] == "miss"
    make_article(title="새로 나온 기사")  # the generation moves
    key = pagecache._page_key(rf.get(HOME))
    assert cache.add(f"lock:{key}", 1, 10)  # another request is rendering the page again
    stale = page(HOME)
    assert stale["X-Page-Cache"] == "stale"
    assert "새로 나온 기사" not in stale.content.decode()
    assert stale["Cache-Control"] == "public, max-age=0, s-maxage=1"  # a front cache keeps it a second at most
    cache.delete(f"lock:{key}")
    fresh = page(HOME)
    assert fresh["X-Page-Cache"] == "miss" and "새로 나온 기사" in fresh.content.decode()
    assert page(HOME)["X-Page-Cache"] == "hit"
    assert cache.get(f"lock:{key}") is None  # the renderer let go of its lock
