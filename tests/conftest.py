import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Uploads go to a temporary folder; each test starts with an empty cache; passwords hash fast."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # the same rules for every password, without PBKDF2's deliberate slowness
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # every request renders (query counts, pages changed without signals); tests/lib/test_pagecache.py
    # and the `page_cache` fixtures turn the app's page cache on
    settings.APP_PAGE_CACHE = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen_now(time_machine):
    """The clock stands still on a weekday in the middle of a month (10:30 KST); returns that moment."""
    time_machine.move_to(factories.FROZEN_NOW, tick=False)
    return factories.FROZEN_NOW


@pytest.fixture
def small_demo_photos(monkeypatch):
    """Demo photos drawn as usual but saved at a fifth of their size: the same demo, far less image work."""
    from articles import demo

    monkeypatch.setattr(demo, "PHOTO_SIZE", (320, 213))


@pytest.fixture
def captcha_passes(settings):
    """Public forms accept the captcha answer "passed" (django-simple-captcha's test mode)."""
    settings.CAPTCHA_TEST_MODE = True


@pytest.fixture
def member(db):
    return factories.make_user("member", nickname="파주주민")


@pytest.fixture
def reporter(db):
    return factories.make_user("reporter", "기자", last_name="김", first_name="파주")


@pytest.fixture
def other_reporter(db):
    return factories.make_user("reporter2", "기자", last_name="이", first_name="운정")


@pytest.fixture
def editor(db):
    return factories.make_user("desk", "데스크", last_name="정", first_name="데스크")


@pytest.fixture
def image_upload():
    return factories.png_upload


@pytest.fixture
def make_article(reporter):
    """Create an article by `reporter`; see factories.make_article."""

    def make(section="paju", status=factories.Article.Status.PUBLISHED, published_at=None, **fields):
        fields.setdefault("reporter", reporter)
        return factories.make_article(section=section, status=status, published_at=published_at, **fields)

    return make


@pytest.fixture
def figures_stay_cached(monkeypatch):
    """The footer's visitor figures stay in the shared cache for the whole test.

    They live five seconds on a real site; a query-count test that warms the page and then
    counts must not see them expire in between on a slow, loaded machine.
    """
    monkeypatch.setattr("visitors.stats.FIGURES_CACHE_SECONDS", 3600)
