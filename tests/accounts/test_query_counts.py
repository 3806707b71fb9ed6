"""The public member pages make the same number of queries with few and with many members."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("figures_stay_cached")]

User = get_user_model()


def add_members(total):
    existing = User.objects.count()
    User.objects.bulk_create(
        User(username=f"reader{n}", nickname=f"독자{n}", email=f"reader{n}@example.com") for n in range(existing, total)
    )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["accounts:login", "accounts:signup", "accounts:password_reset"])
def test_query_count_stays_flat_as_members_grow(client, name):
    add_members(10)
    small = count_queries(client, reverse(name))
    add_members(300)
    assert count_queries(client, reverse(name)) == small <= 6
