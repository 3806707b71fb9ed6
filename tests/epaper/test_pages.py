"""지면보기 page images: rendered once at upload, one page at a time without JavaScript (issue 14)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from epaper.models import Edition
from tests.factories import newspaper_pdf, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def edition(media):
    return Edition.objects.create(
        date=datetime.date(2026, 11, 27),
        issue_number=418,
        headline="파주 소식",
        pdf=SimpleUploadedFile("edition.pdf", newspaper_pdf(3), content_type="application/pdf"),
        cover=SimpleUploadedFile("cover.png", png_bytes((800, 1131))),
    )


def test_uploading_the_pdf_renders_every_page_to_webp_with_a_thumbnail(edition, media):
    pages = edition.page_images["pages"]
    assert edition.page_images["source"] == edition.pdf.name and len(pages) == 3
    for entry in pages:
        for size, width in (("full", 1600), ("view", 800), ("thumb", 160)):
            path, w, h = entry[size]
            with Image.open(media / path) as image:
                assert image.format == "WEBP" and image.size == (w, h) and w == width
            assert h > w  # portrait pages
    # a random folder per rendering: pages of an edition that is not out yet cannot be guessed
    folders = {entry["view"][0].rsplit("/", 1)[0] for entry in pages}
    assert len(folders) == 1 and re.search(r"/pages/[A-Za-z0-9_-]{22}$", folders.pop())


def test_saving_again_does_not_render_again_but_a_new_pdf_does(edition, media):
    first = edition.page_images
    edition.headline = "고친 머리기사"
    edition.save()
    assert edition.page_images == first
    edition.pdf = SimpleUploadedFile("new.pdf", newspaper_pdf(2), content_type="application/pdf")
    edition.save()
    assert len(edition.page_images["pages"]) == 2
    assert not (media / first["pages"][0]["view"][0]).exists()  # the old page images are gone


def test_edition_page_shows_one_page_with_links_thumbnails_and_download(client, edition):
    html = client.get(edition.get_absolute_url()).content.decode()
    assert "<object" not in html and "<embed" not in html and "<iframe" not in html
    view, full = edition.page_images["pages"][0]["view"][0], edition.page_images["pages"][0]["full"][0]
    assert f'<a href="/media/{full}" class="pageview__zoom"' in html
    assert f'src="/media/{view}"' in html
    assert 'alt="퍼스트신문 제418호 2026년 11월 27일 1면"' in html
    assert '<a class="button" href="?page=2" rel="next"' in html and 'rel="prev"' not in html
    assert html.count('aria-current="page"') == 1 and 'href="?page=1" aria-current="page"' in html
    for number in (1, 2, 3):  # every page has a labelled thumbnail
        assert f'alt="퍼스트신문 제418호 2026년 11월 27일 {number}면" loading="lazy"' in html
    assert f"{edition.pdf_url}?download=1" in html
    assert 'src="/static/js/epaper.js' in html and "<script>" not in html


@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("3", 3), ("99", 3), ("0", 1), ("abc", 1), ("-1", 1)])
def test_page_parameter_picks_the_page_and_clamps(client, edition, asked, shown):
    html = client.get(edition.get_absolute_url(), {"page": asked}).content.decode()
    view = edition.page_images["pages"][shown - 1]["view"][0]
    assert f'src="/media/{view}"' in html
    assert f'href="?page={shown}" aria-current="page"' in html
    assert ('rel="prev"' in html) == (shown > 1) and ('rel="next"' in html) == (shown < 3)


def test_query_count_is_the_same_for_every_page(client, edition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(edition.get_absolute_url())  # warm the shared caches
    counts = []
    for page in ("1", "3"):
        with CaptureQueriesContext(connection) as queries:
            client.get(edition.get_absolute_url(), {"page": page})
        counts.append(len(queries))
    assert counts[0] == counts[1]  # the page list is a column of the edition's row, not a query per page


def test_render_editions_command_renders_what_is_missing(edition, media):
    Edition.objects.filter(pk=edition.pk).update(page_images={})
    call_command("render_editions")
    edition.refresh_from_db()
    assert len(edition.page_images["pages"]) == 3
