import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lib.images import RENDITIONS

pytestmark = pytest.mark.django_db


def jpeg(width=1600, height=1000):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "steelblue").save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_every_model_with_renditions_makes_them_in_save_and_looks_them_up_one_way(media, make_article):
    from epaper.models import Edition

    article = make_article()
    article.photo = jpeg()
    article.photo_alt = "사진"
    article.save()
    url, width, height = article.rendition("thumb")
    assert (width, height) == RENDITIONS["thumb"][:2]
    assert url.endswith("-thumb.jpg")
    assert article.rendition("large")[1] == 1440
    assert article.rendition("nothing") is None

    pdf = SimpleUploadedFile("p.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    edition = Edition.objects.create(date=datetime.date(2026, 11, 27), issue_number=900, cover=jpeg(800, 1100), pdf=pdf)
    assert edition.rendition("medium") == edition.cover_rendition()
    assert edition.rendition("medium")[1] == 720


def test_removing_the_image_forgets_its_renditions(media, make_article):
    article = make_article()
    article.photo = jpeg()
    article.photo_alt = "사진"
    article.save()
    assert article.rendition("thumb")
    article.photo = None
    article.save()
    assert article.rendition("thumb") is None
    assert article.photo_renditions == {}
