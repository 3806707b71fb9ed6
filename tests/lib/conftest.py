import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts and ends with an empty cache: lib's counters and cached values live there."""
    cache.clear()
    yield
    cache.clear()
