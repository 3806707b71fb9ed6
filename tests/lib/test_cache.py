import pytest

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
