import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Section
from lib.images import validate_image
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def huge_png(width, height):
    """A valid PNG header claiming a huge canvas, as a decompression bomb would."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def test_a_real_image_passes():
    assert validate_image(SimpleUploadedFile("a.png", png_bytes())) == "PNG"


def test_text_renamed_to_jpg_is_refused():
    with pytest.raises(ValidationError, match="이미지 파일"):
        validate_image(SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>"))


def test_html_disguised_with_an_image_content_type_is_refused():
    upload = SimpleUploadedFile("x.png", b"GIF89a<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError):
        validate_image(upload)


def test_file_over_10mb_is_refused(settings):
    upload = SimpleUploadedFile("big.png", png_bytes() + b"\0" * (settings.IMAGE_MAX_BYTES + 1))
    with pytest.raises(ValidationError, match="10MB"):
        validate_image(upload)


@pytest.mark.parametrize("size", [(8000, 6000), (30000, 30000)])
def test_pixel_bombs_over_40_megapixels_are_refused(size):
    with pytest.raises(ValidationError, match="4천만 화소"):
        validate_image(SimpleUploadedFile("bomb.png", huge_png(*size)))


def test_svg_is_refused_even_though_browsers_show_it():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("logo.svg", svg))


def test_lead_photo_gets_renditions_with_sizes_once(make_article, image_upload):
    article = make_article(photo=image_upload(size=(2000, 1400)), photo_alt="임진각 풍경")
    renditions = article.photo_renditions
    assert renditions["thumb"][1:] == [360, 240]
    assert renditions["share"][1:] == [1200, 630]
    assert renditions["medium"][1] == 720
    article.title = "제목만 고침"
    article.save()
    assert article.photo_renditions == renditions


def test_article_page_serves_lead_photo_eagerly_with_srcset_and_dimensions(client, make_article, image_upload):
    article = make_article(photo=image_upload(size=(1600, 1000)), photo_alt="마장호수 출렁다리")
    page = client.get(article.get_absolute_url()).content.decode()
    lead = page[page.index('<figure class="story__photo">') :]
    lead = lead[: lead.index("</figure>")]
    assert 'alt="마장호수 출렁다리"' in lead
    assert lead.count("<picture>") == 1 and 'type="image/webp"' in lead
    assert "srcset=" in lead and 'width="540"' in lead and 'height="338"' in lead
    assert 'sizes="(max-width: 960px) calc(100vw - 32px), 776px"' in lead
    assert 'loading="lazy"' not in lead


def test_list_thumbnails_are_lazy_loaded(client, make_article, image_upload):
    make_article(photo=image_upload(), photo_alt="감악산 단풍")
    page = client.get(reverse("articles:section", args=["news", "paju"])).content.decode()
    assert 'alt="감악산 단풍"' in page and 'loading="lazy"' in page


def test_photo_without_alt_text_is_refused_in_the_admin_form(client, editor, image_upload):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "section": Section.objects.get(slug="paju").pk,
            "title": "사진만 있는 기사",
            "body": "<p>본문</p>",
            "status": "draft",
            "published_at_0": "2026-01-01",
            "published_at_1": "10:00:00",
            "reporter": editor.pk,
            "photo": image_upload(),
        },
    )
    assert response.status_code == 200
    assert "대체 텍스트를 입력하세요" in response.content.decode()


class TestEditorUpload:
    url = reverse("articles:editor_upload")

    def test_anonymous_and_members_cannot_upload(self, client, member, image_upload):
        assert client.post(self.url, {"upload": image_upload()}).status_code in (302, 403)
        client.force_login(member)
        assert client.post(self.url, {"upload": image_upload()}).status_code in (302, 403)

    def test_staff_upload_is_reencoded_as_jpeg(self, client, reporter, image_upload, settings):
        client.force_login(reporter)
        response = client.post(self.url, {"upload": image_upload("evil.png.html")})
        assert response.status_code == 200
        url = response.json()["urls"]["default"]
        assert url.endswith(".jpg")
        from PIL import Image

        with open(settings.MEDIA_ROOT / url.removeprefix(settings.MEDIA_URL), "rb") as stored:
            assert Image.open(io.BytesIO(stored.read())).format == "JPEG"

    def test_staff_upload_comes_back_at_article_widths_for_srcset(self, client, reporter, image_upload, settings):
        from PIL import Image

        client.force_login(reporter)
        urls = client.post(self.url, {"upload": image_upload(size=(3000, 2000))}).json()["urls"]
        assert set(urls) == {"720", "1440", "default"}
        assert urls["default"] == urls["1440"]
        for width in ("720", "1440"):
            with Image.open(settings.MEDIA_ROOT / urls[width].removeprefix(settings.MEDIA_URL)) as stored:
                assert stored.width == int(width)
        small = client.post(self.url, {"upload": image_upload(size=(500, 300))}).json()["urls"]
        assert set(small) == {"500", "default"}  # never enlarged

    def test_staff_upload_of_a_non_image_gets_a_korean_error(self, client, reporter):
        client.force_login(reporter)
        response = client.post(self.url, {"upload": SimpleUploadedFile("a.jpg", b"not an image")})
        assert response.status_code == 400
        assert "이미지 파일" in response.json()["error"]["message"]
