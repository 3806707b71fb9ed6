import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from lib import cache as lib_cache
from lib.cache import Cached
from pages.models import SiteSettings


def test_a_cached_value_is_computed_once_until_cleared():
    calls = []
    value = Cached("test:value", 60, lambda: calls.append(1) or len(calls))
    assert value.get() == 1
    assert value.get() == 1
    value.clear()
    assert value.get() == 2


@pytest.mark.django_db
def test_clear_on_forgets_the_value_when_a_row_is_saved_or_deleted(django_user_model):
    calls = []
    value = Cached("test:users", 60, lambda: calls.append(1) or django_user_model.objects.count())
    value.clear_on(django_user_model)
    assert value.get() == 0
    user = django_user_model.objects.create_user(username="reader", password="x-long-password-1")  # noqa: S106
    assert value.get() == 1
    user.delete()
    assert value.get() == 0
    assert len(calls) == 3


@pytest.mark.django_db
def test_a_singleton_is_created_once_read_from_the_cache_and_cleared_by_save(django_assert_num_queries):
    first = SiteSettings.load()
    assert first.pk == 1
    with django_assert_num_queries(0):
        assert SiteSettings.load().name == first.name
    first.name = "새 제호"
    first.save()
    assert SiteSettings.load().name == "새 제호"
    assert SiteSettings.objects.count() == 1


def counting_reads(monkeypatch):
    """The cache methods called from here on, the outermost call only (LocMemCache.get_many calls get)."""
    reads, depth = [], [0]

    def counted(method, real):
        def read(*args, **kwargs):
            if not depth[0]:
                reads.append(method)
            depth[0] += 1
            try:
                return real(*args, **kwargs)
            finally:
                depth[0] -= 1

        return read

    for method in ("get", "get_or_set", "get_many"):
        monkeypatch.setattr(cache, method, counted(method, getattr(cache, method)))
    return reads


def render(page, *values):
    """One request of `page` reading `values` in order; returns what each read gave."""
    request_started.send(sender=None)
    lib_cache._request.page = page  # what ReadAheadMiddleware sets from the URL's name
    try:
        return [value.get() for value in values]
    finally:
        request_finished.send(sender=None)


@pytest.mark.django_db  # request_started's other receivers touch the database connection
def test_a_page_reads_the_keys_it_always_reads_in_one_round_trip(monkeypatch):
    """The first read of a request brings every key the page's last two renders both read (get_many); a
    key read only once (another article's piece) is not brought again; a key not in the cache is computed
    by its reader; outside a request nothing is kept."""
    menu = Cached("test:ahead:menu", 60, lambda: ["메뉴"])
    banners = Cached("test:ahead:banners", 60, lambda: ["배너"])
    first_only = Cached("test:ahead:first-only", 60, lambda: "첫 기사")
    missing = Cached("test:ahead:missing", 60, lambda: "계산함")
    cache.set(menu.key, ["캐시의 메뉴"])
    cache.set(banners.key, ["캐시의 배너"])
    render("test:page", menu, banners, first_only)
    render("test:page", menu, banners)
    reads = counting_reads(monkeypatch)
    assert render("test:page", menu, banners) == [["캐시의 메뉴"], ["캐시의 배너"]]
    assert reads == ["get_many"]  # both in one round trip
    assert lib_cache._read_ahead["test:page"] == {menu.key, banners.key}
    reads.clear()
    assert render("test:page", menu, banners, missing) == [["캐시의 메뉴"], ["캐시의 배너"], "계산함"]
    assert reads == ["get_many", "get_or_set"]  # not in the cache: computed (and stored) by its reader
    reads.clear()
    assert render("test:other-page", menu) == [["캐시의 메뉴"]]
    assert reads == ["get_or_set"]  # another page learns its own keys
    reads.clear()
    menu.get(), menu.get()
    assert reads == ["get_or_set", "get_or_set"]  # outside a request: read every time


@pytest.mark.django_db
def test_the_first_read_of_many_keys_brings_the_page_s_usual_keys(monkeypatch):
    """read_many (the content generation, read by lib.pagecache) asks for its keys and, the first time in
    a named page, that page's usual keys in the same round trip; keys absent from the cache are left out
    and not asked for again in the request."""
    menu = Cached("test:many:menu", 60, lambda: ["메뉴"])
    cache.set(menu.key, ["캐시의 메뉴"])
    cache.set("test:many:state", 7)
    render("test:many-page", menu)
    render("test:many-page", menu)
    reads = counting_reads(monkeypatch)
    request_started.send(sender=None)
    lib_cache._request.page = "test:many-page"
    try:
        assert lib_cache.read_many(["test:many:state", "test:many:absent"]) == {"test:many:state": 7}
        assert menu.get() == ["캐시의 메뉴"]  # came with them
        assert lib_cache.read_many(["test:many:absent"]) == {}
    finally:
        request_finished.send(sender=None)
    assert reads == ["get_many"]
