"""The pieces every page shares are cached fragments (pages/templatetags/fragment_tags.py, ads/slots.py)
under the content generation: a change shows on the next render, even with the page cache off; and an
expired entry is made again by one request while the others get the previous copy (lib.pagecache.kept)."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import BreakingNews
from lib import pagecache
from pages.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def html(url="/"):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_shared_pieces_come_from_the_cache_on_the_second_render(make_article):
    article = make_article()
    html(article.get_absolute_url())
    with CaptureQueriesContext(connection) as second:
        html(article.get_absolute_url())
    sqls = " ".join(query["sql"] for query in second.captured_queries)
    for table in ("pages_sitesettings", "articles_group", "articles_breakingnews", "ads_banner"):
        assert f'FROM "{table}"' not in sqls


def test_a_new_banner_shows_on_the_next_render(make_article):
    article = make_article()
    assert "adslot--top" not in html(article.get_absolute_url())
    banner = factories.make_banner("top", alt_text="새 광고 문구")
    page = html(article.get_absolute_url())
    assert "adslot--top" in page and "새 광고 문구" in page
    banner.is_active = False
    banner.save()
    assert "새 광고 문구" not in html(article.get_absolute_url())


def test_every_slot_of_a_page_is_one_cache_read(make_article, monkeypatch):
    for slot in ("top", "sidebar", "article"):
        factories.make_banner(slot)
    article = make_article()
    html(article.get_absolute_url())
    reads = []
    original = pagecache.kept
    monkeypatch.setattr(pagecache, "kept", lambda key, *args: reads.append(key) or original(key, *args))
    page = html(article.get_absolute_url())
    assert all(f"adslot--{slot}" in page for slot in ("top", "sidebar", "article"))
    assert reads.count("ads:slot-html") == 3  # one entry; the request memo of lib.cache is not involved
    assert len({key for key in reads if key.startswith("ads:")}) == 1


def test_a_breaking_item_shows_and_goes_on_the_next_render():
    assert "속보 한 줄" not in html()
    now = timezone.now()
    item = BreakingNews.objects.create(
        text="속보 한 줄", starts_at=now - datetime.timedelta(minutes=1), expires_at=now + datetime.timedelta(hours=1)
    )
    assert "속보 한 줄" in html()
    item.text = "고친 속보"
    item.save()
    page = html()
    assert "고친 속보" in page and "속보 한 줄" not in page
    item.delete()
    assert "고친 속보" not in html()


def test_a_footer_setting_shows_on_the_next_render():
    assert "031-000-1234" not in html()
    site = SiteSettings.load()
    site.phone = "031-000-1234"
    site.save()
    assert "TEL 031-000-1234" in html()


def test_the_footer_visitor_figures_stay_live(monkeypatch):
    from visitors import stats

    monkeypatch.setattr(
        stats,
        "figures",
        lambda: {"guests": 7, "members": 3, "today": 11, "yesterday": 0, "best": 11, "best_day": None, "total": 11},
    )
    assert "손님 : 7 명" in html()
    monkeypatch.setattr(
        stats,
        "figures",
        lambda: {"guests": 9, "members": 3, "today": 12, "yesterday": 0, "best": 12, "best_day": None, "total": 12},
    )
    page = html()
    assert "손님 : 9 명" in page and "오늘 12" in page


def test_kept_computes_once_and_again_after_a_change():
    calls = []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert pagecache.kept("t:value", 1, compute, 60) == 1
    assert pagecache.kept("t:value", 1, compute, 60) == 1
    assert pagecache.kept("t:value", 2, compute, 60) == 2  # a new generation
    assert len(calls) == 2


def test_only_one_request_recomputes_an_expired_entry_the_others_get_the_previous_copy():
    pagecache.kept("t:herd", 1, lambda: "old", 60)
    started, release = threading.Event(), threading.Event()
    computed = []

    def slow():
        computed.append(1)
        started.set()
        release.wait(5)
        return "new"

    results = {}
    first = threading.Thread(target=lambda: results.setdefault("first", pagecache.kept("t:herd", 2, slow, 60)))
    first.start()
    assert started.wait(5)
    # while the first one computes, the others answer the previous copy and compute nothing
    others = [pagecache.kept("t:herd", 2, slow, 60) for _ in range(5)]
    release.set()
    first.join(5)
    assert others == ["old"] * 5
    assert results["first"] == "new" and computed == [1]
    assert pagecache.kept("t:herd", 2, slow, 60) == "new"
    assert cache.get("lock:t:herd") is None


def test_a_failed_recompute_leaves_no_lock():
    pagecache.kept("t:fail", 1, lambda: "old", 60)

    def broken():
        raise RuntimeError("down")

    with pytest.raises(RuntimeError):
        pagecache.kept("t:fail", 2, broken, 60)
    assert pagecache.kept("t:fail", 2, lambda: "new", 60) == "new"


def test_with_no_copy_the_others_wait_for_the_one_being_made():
    started, release = threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(5)
        return "made once"

    results = {}
    first = threading.Thread(target=lambda: results.setdefault("first", pagecache.kept("t:cold", 1, slow, 60)))
    first.start()
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    assert pagecache.kept("t:cold", 1, lambda: "computed again", 60) == "made once"
    first.join(5)
    assert results["first"] == "made once"
