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


@pytest.mark.django_db  # request_started's other receivers touch the database connection
def test_the_values_every_page_reads_come_in_one_round_trip(monkeypatch):
    """Within a request, the first of them to be read brings the others (get_many); a key not found is
    computed by its reader as before; outside a request nothing is kept."""
    menu = Cached("test:every-request:menu", 60, lambda: ["메뉴"], every_request=True)
    banners = Cached("test:every-request:banners", 60, lambda: ["배너"], every_request=True)
    missing = Cached("test:every-request:missing", 60, lambda: "계산함", every_request=True)
    cache.set(menu.key, ["캐시의 메뉴"])
    cache.set(banners.key, ["캐시의 배너"])
    request_started.send(sender=None)
    try:
        reads, depth = [], [0]

        def counted(method, real):
            def read(*args, **kwargs):  # records the outermost call only (LocMemCache.get_many calls get)
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
        assert menu.get() == ["캐시의 메뉴"]
        assert banners.get() == ["캐시의 배너"]
        assert reads == ["get_many"]  # both in one round trip
        assert missing.get() == "계산함"  # not in the cache: computed (and stored) by its reader
        assert reads == ["get_many", "get_or_set"]
    finally:
        request_finished.send(sender=None)
        for value in (menu, banners, missing):
            lib_cache._every_request.remove(value.key)
