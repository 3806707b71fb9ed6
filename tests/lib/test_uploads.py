"""Every public image upload is decoded and re-encoded and stored under a random name (issue 13)."""

import datetime
import io
import re
from pathlib import PurePath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from lib.images import RewrittenImageField, rewrite_image
from tests.factories import make_banner, png_bytes

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
RANDOM_STEM = re.compile(r"^[A-Za-z0-9_-]{22}$")


def gif_html_polyglot():
    """A GIF that a browser sniffing the bytes could also read as HTML: a valid image, a page after it."""
    buffer = io.BytesIO()
    Image.new("P", (64, 48), 3).save(buffer, "GIF", comment=SCRIPT)
    return buffer.getvalue() + SCRIPT


def jpeg_with_trailer_and_exif():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {1: "N", 2: (37.0, 45.0, 0.0)}  # GPS
    Image.new("RGB", (400, 300), "teal").save(buffer, "JPEG", exif=exif, comment=b"hidden note")
    return buffer.getvalue() + SCRIPT


HOSTILE = [
    pytest.param("cat.gif", gif_html_polyglot, id="gif-html-polyglot"),
    pytest.param("cat.jpg", jpeg_with_trailer_and_exif, id="jpeg-trailing-script-and-exif"),
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def assert_rewritten(field_file, uploaded_name):
    """The stored file is a plain JPEG of our own making: random name, only pixels, nothing appended."""
    name = PurePath(field_file.name)
    assert RANDOM_STEM.match(name.stem) and name.suffix == ".jpg", field_file.name
    assert PurePath(uploaded_name).stem not in field_file.name
    with field_file.storage.open(field_file.name) as stored:
        data = stored.read()
    assert b"<script" not in data and b"<html" not in data and b"SecretCam" not in data
    assert b"hidden note" not in data
    assert data.endswith(b"\xff\xd9")  # the JPEG end marker is the last thing in the file
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and not image.getexif() and "comment" not in image.info


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_rewrite_keeps_only_pixels(name, make):
    rewritten = rewrite_image(SimpleUploadedFile(name, make()))
    data = rewritten.read()
    assert SCRIPT not in data and b"SecretCam" not in data
    assert RANDOM_STEM.match(PurePath(rewritten.name).stem)


def test_every_public_image_field_is_a_rewritten_one():
    from django.apps import apps

    image_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.__class__.__name__ == "ImageField"
    ]
    assert image_fields == []  # a plain ImageField would keep the uploaded bytes and name
    rewritten = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, RewrittenImageField)
    }
    assert {
        "articles.Article.photo",
        "articles.ReporterProfile.photo",
        "epaper.Edition.cover",
        "directory.ListingPhoto.image",
        "ads.Banner.image",
        "ads.Banner.image_narrow",
    } <= rewritten


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_article_photo_is_rewritten_and_renamed_in_every_rendition(media, make_article, name, make):
    article = make_article(photo=SimpleUploadedFile(name, make()), photo_alt="사진")
    assert_rewritten(article.photo, name)
    for key, entry in article.photo_renditions.items():
        if key in ("source", "version"):
            continue
        assert "cat" not in entry[0] and SCRIPT not in (media / entry[0]).read_bytes()


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_edition_cover_is_rewritten(media, name, make):
    from epaper.models import Edition

    edition = Edition.objects.create(
        date=datetime.date(2026, 11, 27),
        issue_number=901,
        cover=SimpleUploadedFile(name, make()),
        pdf=SimpleUploadedFile("p.pdf", b"%PDF-1.4\n"),
        is_published=False,
    )
    assert_rewritten(edition.cover, name)


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_directory_photo_is_rewritten(media, name, make):
    from directory.models import ListingPhoto
    from tests.factories import make_listing

    photo = ListingPhoto.objects.create(listing=make_listing(), image=SimpleUploadedFile(name, make()), alt="가게")
    assert_rewritten(photo.image, name)


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_banner_images_are_rewritten(media, name, make):
    banner = make_banner("top", image=SimpleUploadedFile(name, make()), image_narrow=SimpleUploadedFile(name, make()))
    assert_rewritten(banner.image, name)
    assert_rewritten(banner.image_narrow, name)


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_reporter_photo_is_rewritten(media, reporter, name, make):
    from articles.models import ReporterProfile

    profile = ReporterProfile.objects.create(user=reporter, photo=SimpleUploadedFile(name, make()), photo_alt="기자")
    assert_rewritten(profile.photo, name)


@pytest.mark.parametrize(("name", "make"), HOSTILE)
def test_editor_image_is_rewritten_and_renamed(media, client, editor, name, make):
    client.force_login(editor)
    response = client.post(reverse("articles:editor_upload"), {"upload": SimpleUploadedFile(name, make())})
    assert response.status_code == 200
    for url in response.json()["urls"].values():
        path = url.removeprefix("/media/")
        assert "cat" not in path and RANDOM_STEM.match(PurePath(path).stem.rsplit("-", 1)[0])
        data = (media / path).read_bytes()
        assert SCRIPT not in data and b"SecretCam" not in data and data.endswith(b"\xff\xd9")


def test_an_admin_upload_of_a_draft_photo_gets_no_guessable_address(media, client, editor):
    from articles.models import Article, Section

    client.force_login(editor)
    upload = SimpleUploadedFile("2026-11-30-scoop.png", png_bytes((900, 600)), content_type="image/png")
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "section": Section.objects.get(slug="paju").pk,
            "title": "아직 발행하지 않은 특종",
            "body": "<p>본문</p>",
            "photo": upload,
            "photo_alt": "현장 사진",
            "origin": "own",
            "status": "draft",
            "published_at_0": "2026-11-30",
            "published_at_1": "10:00:00",
            "reporter": editor.pk,
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
        },
    )
    errors = re.findall(r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert response.status_code == 302, errors
    article = Article.objects.get()
    assert "scoop" not in article.photo.name and "scoop" not in str(article.photo_renditions)
    assert_rewritten(article.photo, "2026-11-30-scoop.png")
    assert not list(media.rglob("*scoop*"))  # the uploaded bytes were never written under their name
