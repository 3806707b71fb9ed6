import time

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from lib import cache as lib_cache
from lib import pagecache
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
def test_values_every_page_reads_come_with_the_page_cache_s_keys_in_one_round_trip(monkeypatch):
    """Within a request, pagecache.current() reads the registered keys with its own (get_many), and the
    Cached values then read none; a key not found is computed by its reader as before."""
    menu = Cached("test:every-request:menu", 60, lambda: ["메뉴"], every_request=True)
    missing = Cached("test:every-request:missing", 60, lambda: "계산함", every_request=True)
    assert {menu.key, missing.key} <= set(lib_cache.every_request_keys())
    cache.set(menu.key, ["캐시의 메뉴"])
    cache.set(pagecache.GENERATION_KEY, 1)
    cache.set(pagecache.NEXT_CHANGE_KEY, (0.0, time.time() + 600), None)  # no scheduled change to look for
    request_started.send(sender=None)
    try:
        reads = []
        real_get_many = cache.get_many
        monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(list(keys)) or real_get_many(keys))
        pagecache.current()
        assert len(reads) == 1 and menu.key in reads[0]
        for method in ("get", "get_or_set"):
            monkeypatch.setattr(cache, method, lambda *args, **kwargs: pytest.fail("read again"))
        assert menu.get() == ["캐시의 메뉴"]
        monkeypatch.undo()
        assert missing.get() == "계산함"
    finally:
        request_finished.send(sender=None)
        lib_cache._every_request.remove(menu.key)
        lib_cache._every_request.remove(missing.key)
