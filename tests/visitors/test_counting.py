"""Who counts as a visitor, and how often a visit and an article view are counted."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import hit
from tests.visitors.conftest import BROWSER
from visitors.identity import COOKIE_NAME
from visitors.models import ArticleDailyViews, ArticleView, DailyVisits, Visit

pytestmark = pytest.mark.django_db

KST = datetime.timezone(datetime.timedelta(hours=9))


def today_visits():
    row = DailyVisits.objects.filter(day=timezone.localdate()).first()
    return row.visits if row else 0


def test_first_beacon_sets_a_long_lived_first_party_cookie(browser):
    response = hit(browser())
    cookie = response.cookies[COOKIE_NAME]
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{20,}", cookie.value)  # an id and our signature
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 180 * 24 * 3600
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]


def test_each_browser_is_one_visit_a_day_however_many_pages_it_reads(browser):
    first, second = browser(), browser()
    for _ in range(5):
        hit(first)
    hit(second)
    assert today_visits() == 2
    assert Visit.objects.count() == 2


def test_repeat_hits_of_the_day_do_not_touch_the_database(browser):
    reader = browser()
    hit(reader)
    with CaptureQueriesContext(connection) as queries:
        hit(reader)
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_the_database_constraint_counts_once_even_when_the_cache_forgets(browser):
    reader = browser()
    hit(reader)
    cache.clear()  # another app server, an evicted key, or a per-process cache
    hit(reader)
    assert today_visits() == 1


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
        "Mozilla/5.0 (compatible; Daum/4.1; +http://cs.daum.net/faq/15/4118.html?faqId=28966)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "kakaotalk-scrap/1.0; +https://devtalk.kakao.com/",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
        "",
    ],
)
def test_crawlers_are_not_visitors(browser, make_article, user_agent):
    article = make_article()
    response = hit(browser(user_agent), article)
    assert COOKIE_NAME not in response.cookies
    assert today_visits() == 0
    article.refresh_from_db()
    assert article.view_count == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (Linux; Android 10; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.4.5",
        "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 NAVER(inapp; search; 2000; 12.1.0)",
    ],
)
def test_phones_and_in_app_browsers_are_visitors(browser, user_agent):
    hit(browser(user_agent))
    assert today_visits() == 1


def test_a_browser_without_cookies_is_recognised_by_a_hash_of_address_and_agent(browser):
    same = [browser(address="198.51.100.20") for _ in range(3)]
    for reader in same:
        response = hit(reader, nc="1")
        assert COOKIE_NAME not in response.cookies
    hit(browser(address="198.51.100.21"), nc="1")
    assert today_visits() == 2


def test_no_raw_ip_address_or_cookie_id_reaches_the_database(browser, make_article):
    article = make_article()
    with_cookie = browser(address="203.0.113.77")
    cookie = hit(with_cookie, article, referrer="http://192.0.2.55/board").cookies[COOKIE_NAME].value
    hit(browser(address="203.0.113.78"), article, referrer="https://search.naver.com/search.naver?query=파주", nc="1")
    dump = []
    with connection.cursor() as cursor:
        for model in (Visit, ArticleView):
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608 a model's own table name
            dump += [str(value) for row in cursor.fetchall() for value in row]
    text = " ".join(dump)
    for secret in ("203.0.113.77", "203.0.113.78", "192.0.2.55", cookie):
        assert secret not in text
    assert sorted(Visit.objects.values_list("referrer", flat=True)) == ["", "search.naver.com"]


def test_hashes_change_every_day_so_days_cannot_be_linked(browser, monkeypatch):
    reader = browser()
    hit(reader)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    hit(reader)
    first, second = Visit.objects.order_by("day")
    assert first.day != second.day and first.visitor != second.visitor


def at_kst(monkeypatch, *args):
    moment = datetime.datetime(*args, tzinfo=KST)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_daily_dedupe_follows_the_kst_calendar_across_midnight(browser, monkeypatch, make_article):
    article = make_article(published_at=datetime.datetime(2026, 3, 1, tzinfo=KST))
    reader = browser()
    at_kst(monkeypatch, 2026, 3, 14, 23, 58)
    hit(reader, article)
    at_kst(monkeypatch, 2026, 3, 14, 23, 59, 59)
    hit(reader, article)
    at_kst(monkeypatch, 2026, 3, 15, 0, 0, 1)  # 15:00 UTC the day before: still a new KST day
    hit(reader, article)
    hit(reader, article)
    days = dict(DailyVisits.objects.values_list("day", "visits"))
    assert days == {datetime.date(2026, 3, 14): 1, datetime.date(2026, 3, 15): 1}
    article.refresh_from_db()
    assert article.view_count == 2
    assert dict(ArticleDailyViews.objects.values_list("day", "views")) == days


def test_article_views_count_once_per_visitor_per_article_per_day(browser, make_article):
    first, second = make_article(), make_article()
    reader, other = browser(), browser()
    for _ in range(3):
        hit(reader, first)
    hit(reader, second)
    hit(other, first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.view_count, second.view_count) == (2, 1)
    assert today_visits() == 2


def test_unpublished_and_unknown_articles_are_not_counted(browser, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    future = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    reader = browser()
    hit(reader, draft)
    hit(reader, future)
    reader.post(reverse("visitors:beacon"), {"a": "999999"})
    reader.post(reverse("visitors:beacon"), {"a": "not-a-number"})
    assert ArticleView.objects.count() == 0
    assert Article.objects.filter(view_count__gt=0).count() == 0
    assert today_visits() == 1  # the visit itself still counts


def test_the_beacon_needs_no_csrf_token_and_changes_nothing_but_counts(browser, member):
    reader = browser()
    reader.handler.enforce_csrf_checks = True
    reader.force_login(member)
    session_before = reader.session.session_key
    response = hit(reader)
    assert response.status_code == 204
    assert reader.session.session_key == session_before
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_noscript_image_counts_too(browser, make_article):
    article = make_article()
    reader = browser()
    response = reader.get(reverse("visitors:beacon"), {"a": article.pk})
    assert response["Content-Type"] == "image/gif"
    assert COOKIE_NAME in response.cookies
    article.refresh_from_db()
    assert article.view_count == 1 and today_visits() == 1


def test_raw_rows_are_purged_after_180_days_but_daily_sums_stay(browser, monkeypatch, make_article):
    article = make_article(published_at=datetime.datetime(2025, 1, 1, tzinfo=KST))
    at_kst(monkeypatch, 2026, 1, 2, 12, 0)
    hit(browser(), article)
    at_kst(monkeypatch, 2026, 7, 1, 12, 0)  # 180 days later: still kept
    hit(browser())
    assert Visit.objects.filter(day=datetime.date(2026, 1, 2)).exists()
    at_kst(monkeypatch, 2026, 7, 2, 12, 0)  # the first hit of a new day purges
    hit(browser())
    assert not Visit.objects.filter(day=datetime.date(2026, 1, 2)).exists()
    assert not ArticleView.objects.filter(day=datetime.date(2026, 1, 2)).exists()
    assert DailyVisits.objects.get(day=datetime.date(2026, 1, 2)).visits == 1
    assert ArticleDailyViews.objects.get(day=datetime.date(2026, 1, 2)).views == 1


def test_a_script_that_drops_its_cookie_cannot_inflate_the_counts(browser, make_article, settings):
    settings.VISITORS_NEW_PER_ADDRESS = 5
    article = make_article()
    for _ in range(20):
        hit(browser(), article)  # a fresh cookie jar every time, all from one address
    article.refresh_from_db()
    assert article.view_count == 6  # five new visitors, then one for the address
    assert DailyVisits.objects.get().visits == 6
    hit(browser(address="198.51.100.20"), article)  # another address is not affected
    article.refresh_from_db()
    assert article.view_count == 7


@pytest.mark.parametrize(
    "bypass",
    ["dropped cookie", "rotating user agent", "invented cookie", "forged signature", "cookieless and rotating"],
)
def test_no_script_moves_the_counts_past_the_address_cap(browser, make_article, settings, bypass):
    """Each way a script from one address tried to count itself again: the cap on new identities per
    address holds whatever cookie or user agent it sends, and past the cap the address is one visitor."""
    from visitors.identity import cookie_value

    settings.VISITORS_NEW_PER_ADDRESS = 5
    article = make_article()
    for n in range(40):
        agent = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.{n} Safari/537.36"
        rotating = bypass in ("rotating user agent", "cookieless and rotating")
        client = browser(user_agent=agent if rotating else BROWSER)
        if bypass == "invented cookie":
            client.cookies[COOKIE_NAME] = f"{n:022d}"  # well-formed, but never handed out
        elif bypass == "forged signature":
            client.cookies[COOKIE_NAME] = cookie_value(f"{n:022d}")[:-3] + "AAA"
        hit(client, article, **({"nc": "1"} if bypass == "cookieless and rotating" else {}))
    article.refresh_from_db()
    assert article.view_count == 6  # five new identities, then the address as one visitor
    assert DailyVisits.objects.get().visits == 6
    assert ArticleDailyViews.objects.get().views == 6
    # a reader whose signed cookie was handed out still counts (once)
    reader = browser(address="198.51.100.30")
    hit(reader, article)
    hit(reader, article)
    article.refresh_from_db()
    assert article.view_count == 7


def test_a_cookieless_browser_counted_today_does_not_use_up_the_cap(browser, settings):
    settings.VISITORS_NEW_PER_ADDRESS = 2
    reader = browser()
    for _ in range(10):
        hit(reader, nc="1")
    hit(browser(user_agent="Mozilla/5.0 (Macintosh) Safari/605.1"), nc="1")
    assert today_visits() == 2


def test_a_referrer_with_a_nul_byte_is_dropped_not_a_500(browser):
    hit(browser(), referrer="https://search.naver.com/\x00<script>")
    assert list(Visit.objects.values_list("referrer", flat=True)) == [""]
