import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from epaper.models import Edition, validate_pdf
from tests.factories import PDF_BYTES, make_edition, pdf_upload, png_bytes

pytestmark = pytest.mark.django_db


def test_a_real_pdf_passes_the_check():
    validate_pdf(pdf_upload())


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"", b"  %PDF-1.4", png_bytes((10, 10)), b"%PDX-1.4"],
    ids=["html", "empty", "leading-space", "png", "almost"],
)
def test_files_that_only_claim_to_be_pdf_are_refused(content):
    with pytest.raises(ValidationError) as error:
        validate_pdf(pdf_upload("paper.pdf", content))
    assert error.value.messages == ["PDF 파일만 올릴 수 있습니다."]


def test_oversized_pdf_is_refused_with_the_limit_in_the_message(settings):
    settings.EPAPER_PDF_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_pdf(pdf_upload(content=PDF_BYTES + b"0" * 2048))
    assert "이하만 올릴 수 있습니다" in error.value.messages[0]


def test_editor_uploads_an_edition_and_html_in_disguise_is_refused(client, editor):
    client.force_login(editor)
    data = {"date": "2026-11-20", "issue_number": "417", "headline": "1면 기사", "is_published": "on"}
    cover = SimpleUploadedFile("cover.png", png_bytes((400, 566)), "image/png")
    response = client.post(
        reverse("admin:epaper_edition_add"),
        {**data, "pdf": pdf_upload("x.pdf", b"<html><body>not a paper</body></html>"), "cover": cover},
    )
    assert response.status_code == 200
    assert "PDF 파일만 올릴 수 있습니다." in response.content.decode()
    assert not Edition.objects.exists()

    cover = SimpleUploadedFile("cover.png", png_bytes((400, 566)), "image/png")
    response = client.post(
        reverse("admin:epaper_edition_add"), {**data, "pdf": pdf_upload("page.html"), "cover": cover}
    )
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert edition.pdf.name.endswith(".pdf")  # our own name, not the uploaded "page.html"
    assert edition.cover_rendition()


def test_pdf_is_served_as_pdf_inline_or_as_a_download(client):
    edition = make_edition()
    response = client.get(edition.pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    download = client.get(edition.pdf_url + "?download=1")
    assert download["Content-Disposition"] == f'attachment; filename="{edition.download_name}"'


def test_nothing_may_be_framed_not_even_the_pdf(client):
    edition = make_edition()
    assert client.get(edition.pdf_url)["X-Frame-Options"] == "DENY"  # the viewer shows page images
    assert client.get(edition.get_absolute_url())["X-Frame-Options"] == "DENY"
    assert client.get("/")["X-Frame-Options"] == "DENY"


def test_edition_page_links_the_pdf_never_embeds_it_and_links_neighbours(client):
    older = make_edition(days_ago=14, issue_number=415)
    edition = make_edition(days_ago=7, issue_number=416, headline="운정 GTX 개통 한 달")
    newer = make_edition(days_ago=0, issue_number=417)
    page = client.get(edition.get_absolute_url()).content.decode()
    assert page.count("<h1") == 1 and "제416호" in page
    assert "<object" not in page and "<embed" not in page  # no plug-in view (CSP object-src 'none')
    assert f'href="{edition.pdf_url}?download=1"' in page
    assert "PDF 내려받기" in page
    assert "1면: 운정 GTX 개통 한 달" in page
    assert older.get_absolute_url() in page and newer.get_absolute_url() in page


def test_archive_lists_published_editions_newest_first(client):
    old = make_edition(days_ago=7, issue_number=10)
    new = make_edition(days_ago=0, issue_number=11)
    hidden = make_edition(days_ago=14, issue_number=9, is_published=False)
    future = make_edition(days_ago=-7, issue_number=12)
    page = client.get(reverse("epaper:archive")).content.decode()
    assert page.index(new.get_absolute_url()) < page.index(old.get_absolute_url())
    assert hidden.get_absolute_url() not in page and future.get_absolute_url() not in page
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(future.pdf_url).status_code == 404


def test_header_link_opens_the_newest_published_edition(client):
    assert client.get(reverse("epaper:latest")).url == reverse("epaper:archive")
    make_edition(days_ago=7, issue_number=20)
    newest = make_edition(days_ago=0, issue_number=21)
    make_edition(days_ago=-7, issue_number=22)  # next week's paper is not out yet
    home = client.get(reverse("articles:home")).content.decode()
    assert f'href="{reverse("epaper:latest")}">지역퍼스트 신문보기</a>' in home
    assert client.get(reverse("epaper:latest")).url == newest.get_absolute_url()


def test_epaper_pages_set_no_cookie_and_carry_no_csrf_token(client):
    edition = make_edition()
    for url in (reverse("epaper:archive"), edition.get_absolute_url()):
        response = client.get(url)
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(total):
    today = timezone.localdate()
    for number in range(Edition.objects.count(), total):
        Edition.objects.create(
            date=today - datetime.timedelta(days=number + 1),
            issue_number=5000 - number,
            pdf=f"epaper/fake-{number}.pdf",
            cover=f"epaper/covers/fake-{number}.jpg",
            cover_renditions={"source": f"epaper/covers/fake-{number}.jpg", "medium": ["x.jpg", 720, 1018]},
        )


@pytest.mark.parametrize("page", ["archive", "archive-page-2", "edition"])
def test_epaper_query_count_stays_flat_as_editions_grow(client, page):
    urls = {
        "archive": lambda: reverse("epaper:archive"),
        "archive-page-2": lambda: reverse("epaper:archive") + "?page=2",
        "edition": lambda: Edition.objects.order_by("-date")[5].get_absolute_url(),
    }
    fill(30)
    small = count_queries(client, urls[page]())
    fill(150)
    large = count_queries(client, urls[page]())
    assert small == large
    assert large <= 4
