"""지면보기 in a browser at 360 and 1280 px: pages turned with the button and the → key, the thumbnails,
the PDF download and axe (WCAG 2.2 AA) on the viewer (issue 14, items 5 and 8)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from epaper.models import Edition
from tests.browser.images import wait_until_loaded
from tests.browser.test_reader_layout import AXE, DESKTOP, PHONE, audit, context
from tests.factories import newspaper_pdf, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def edition(db):
    return Edition.objects.create(
        date=datetime.date(2026, 11, 27),
        issue_number=418,
        headline="임진강 생태 탐방로 개방",
        pdf=SimpleUploadedFile("edition.pdf", newspaper_pdf(3), content_type="application/pdf"),
        cover=SimpleUploadedFile("cover.png", png_bytes((800, 1131))),
        is_published=True,
    )


def status(page):
    return page.locator("#pageview-status").inner_text().replace("\n", " ")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core 없음: cd tests/browser/axe && npm ci")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_turning_the_pages_of_an_edition(live_server, browser, edition, viewport, screenshot):
    assert len(edition.page_images["pages"]) == 3
    ctx = context(browser, viewport, bypass_csp=True, accept_downloads=True)  # axe is injected as a script
    page = ctx.new_page()
    page.goto(live_server.url + edition.get_absolute_url())
    assert "1면" in status(page) and "전체 3면" in status(page)
    viewer = page.locator("[data-epaper-viewer]")
    picture = viewer.locator("[data-epaper-page] img")
    wait_until_loaded(picture)  # the rendered page, not a blank box
    box = picture.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the page fits the screen"
    thumbs_box = page.get_by_role("navigation", name="면 목록").bounding_box()
    if viewport == DESKTOP:  # the thumbnails beside the page
        assert thumbs_box["x"] >= box["x"] + box["width"] and thumbs_box["y"] < box["y"] + box["height"] / 2
    else:  # below it, the page as wide as the screen allows
        assert thumbs_box["y"] >= box["y"] + box["height"] and box["width"] >= viewport["width"] - 40
    assert audit(page) == []

    # The button turns to page 2, the → key to page 3; at the last page "다음 면" is no link.
    viewer.get_by_role("link", name="다음 면 →").click()
    page.wait_for_url("**?page=2")
    assert "2면" in status(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**?page=3")
    assert "3면" in status(page)
    assert viewer.get_by_role("link", name="다음 면 →").count() == 0
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**?page=2")

    # The thumbnails list every page; the current one is marked, and one click goes to any page.
    thumbs = page.get_by_role("navigation", name="면 목록").get_by_role("link")
    assert thumbs.count() == 3
    assert thumbs.nth(1).get_attribute("aria-current") == "page"
    thumbs.nth(0).click()
    page.wait_for_url("**?page=1")
    assert "1면" in status(page)
    assert page.locator(".pageview__thumbs [aria-current=page]").get_attribute("href") == "?page=1"

    # Zoom in place, then back, by keyboard.
    zoom = viewer.get_by_role("button", name="확대 보기")
    zoom.focus()
    page.keyboard.press("Enter")
    assert viewer.get_by_role("button", name="원래 크기로").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert viewer.get_by_role("button", name="확대 보기").get_attribute("aria-pressed") == "false"
    assert audit(page) == []
    if viewport == PHONE:
        screenshot(page, "epaper-viewer-phone", full_page=False)

    # The PDF comes down as a file named after the edition.
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF 내려받기").click()
    assert download.value.suggested_filename == edition.download_name
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    ctx.close()
