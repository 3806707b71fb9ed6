import datetime
import io
import itertools

import pytest
from django.contrib.auth.models import Group as Role
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Section


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Uploads go to a temporary folder; each test starts with an empty cache."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def captcha_passes(settings):
    """Public forms accept the captcha answer "passed" (django-simple-captcha's test mode)."""
    settings.CAPTCHA_TEST_MODE = True


def _user(django_user_model, username, role=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="correct-horse-battery", email=f"{username}@example.com", **extra
    )
    if role:
        user.is_staff = True
        user.save()
        user.groups.add(Role.objects.get(name=role))
    return user


@pytest.fixture
def member(django_user_model):
    return _user(django_user_model, "member", nickname="파주주민")


@pytest.fixture
def reporter(django_user_model):
    return _user(django_user_model, "reporter", "기자", last_name="김", first_name="파주")


@pytest.fixture
def other_reporter(django_user_model):
    return _user(django_user_model, "reporter2", "기자", last_name="이", first_name="운정")


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "desk", "데스크", last_name="정", first_name="데스크")


def png_bytes(size=(800, 600), color=(30, 90, 160), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def image_upload():
    def make(name="photo.png", size=(800, 600), fmt="PNG"):
        return SimpleUploadedFile(name, png_bytes(size, fmt=fmt), content_type="image/png")

    return make


_titles = itertools.count(1)


@pytest.fixture
def make_article(reporter):
    """Create an article; published a minute ago in 파주뉴스 unless told otherwise."""

    def make(section="paju", status=Article.Status.PUBLISHED, published_at=None, **fields):
        number = next(_titles)
        fields.setdefault("title", f"파주 소식 {number}")
        fields.setdefault("summary", f"요약 {number}")
        fields.setdefault("body", f"<p>본문 {number}</p>")
        fields.setdefault("reporter", reporter)
        return Article.objects.create(
            section=Section.objects.get(slug=section),
            status=status,
            published_at=published_at or timezone.now() - datetime.timedelta(minutes=number),
            **fields,
        )

    return make
