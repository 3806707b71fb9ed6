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


def test_every_rendition_but_share_is_written_in_the_modern_formats_too(media, make_article):
    from lib.images import MODERN_FORMATS

    article = make_article(photo=jpeg(), photo_alt="사진")
    for fmt in MODERN_FORMATS:
        url, width, height = article.rendition("thumb", fmt)
        assert url.endswith(f".{fmt}") and (width, height) == (360, 240)
        with Image.open(media / url.removeprefix("/media/")) as image:
            assert image.format == {"webp": "WEBP", "avif": "AVIF"}[fmt]
        assert article.rendition("share", fmt) is None  # link previews read JPEG only
    assert article.rendition("small")[1:] == (240, 160) and article.rendition("w540")[1] == 540


def test_rebuild_images_brings_old_rows_up_to_date_under_random_names(media, make_article, reporter):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from articles.models import Article, ReporterProfile

    article = make_article(photo=jpeg(), photo_alt="사진")
    # a row from before: the uploaded name kept, JPEG renditions only, no version
    legacy = "articles/2026/11/my-scoop.jpg"
    article.photo.storage.save(legacy, ContentFile((media / article.photo.name).read_bytes()))
    Article.objects.filter(pk=article.pk).update(
        photo=legacy, photo_renditions={"source": legacy, "thumb": ["x", 1, 1]}
    )
    profile = ReporterProfile.objects.create(user=reporter, photo_alt="기자")
    profile.photo.storage.save("reporters/kim.jpg", ContentFile((media / article.photo.name).read_bytes()))
    ReporterProfile.objects.filter(pk=profile.pk).update(photo="reporters/kim.jpg")

    call_command("rebuild_images")
    article.refresh_from_db()
    profile.refresh_from_db()
    assert "my-scoop" not in article.photo.name and article.renditions_are_current()
    assert article.rendition("thumb", "webp")
    assert not (media / legacy).exists()
    assert "kim" not in profile.photo.name and not (media / "reporters/kim.jpg").exists()

    before = article.photo.name
    call_command("rebuild_images")  # nothing to do the second time
    article.refresh_from_db()
    assert article.photo.name == before
