import pytest
from playwright.sync_api import expect

from directory.models import Listing
from tests.browser.images import wait_until_loaded
from tests.factories import make_banner, make_edition, make_listing, newspaper_pdf, pdf_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def town(make_article):
    make_article(title="파주 운정호수공원 가을 음악회 성황", summary="주말 동안 시민 3천여 명이 호수공원을 찾았다.")
    make_listing(
        "food",
        photo=True,
        name="운정 손칼국수",
        area="운정동",
        address="경기도 파주시 가람로 56 1층",
        phone="031-000-1101",
        hours="매일 11:00~21:00",
        summary="새벽에 밀어 둔 면과 바지락 육수로 끓이는 동네 칼국숫집",
        description="운정호수공원 건너편 상가 1층의 칼국숫집이다.\n\n직접 빚은 만두도 판다.",
    )
    make_listing("food", photo=True, name="문산 장터국밥", area="문산읍", is_paid=True, summary="가마솥 소머리국밥")
    make_listing("medical", name="금촌 온가족치과", area="금촌동", summary="어린이 첫 검진부터 보는 치과")
    make_edition(days_ago=7, issue_number=416)
    make_edition(days_ago=0, issue_number=417, headline="운정 GTX 개통 한 달", pdf=pdf_upload(content=newspaper_pdf(2)))
    make_banner("top", alt_text="가상 광고: 파주 가을 직거래 장터")
    make_banner("sidebar", alt_text="가상 광고: 헤이리 음악제")


def test_reader_browses_the_directory_and_searches_by_area(live_server, page, screenshot, town):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="우리동네업소소개")).to_be_visible()
    top_ad = page.get_by_role("complementary", name="광고").first
    expect(top_ad.get_by_text("광고", exact=True)).to_be_visible()
    screenshot(page, "directory-home-block")

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="우리동네업소소개").click()
    expect(page.locator("h1")).to_have_text("우리동네업소소개")
    screenshot(page, "directory-index")

    page.get_by_role("link", name="음식 2곳").click()
    expect(page.locator("h1")).to_have_text("음식")
    paid = page.get_by_role("heading", name="문산 장터국밥 광고")
    expect(paid).to_be_visible()
    screenshot(page, "directory-category")

    page.get_by_role("link", name="운정 손칼국수").click()
    expect(page.locator("h1")).to_have_text("운정 손칼국수")
    naver = page.get_by_role("link", name="네이버 지도에서 운정 손칼국수 위치 보기 (새 창)")
    assert naver.get_attribute("href").startswith("https://map.naver.com/p/search/%EA%B2%BD%EA%B8%B0%EB%8F%84")
    expect(page.get_by_role("link", name="카카오맵에서 운정 손칼국수 위치 보기 (새 창)")).to_be_visible()
    photo = page.get_by_role("img", name="운정 손칼국수 가게 모습")
    wait_until_loaded(photo)
    screenshot(page, "directory-detail")

    page.get_by_role("link", name="음식 업소 목록으로").click()

    page.get_by_label("동네", exact=True).fill("문산")
    page.get_by_label("동네", exact=True).press("Enter")
    assert page.get_by_role("status").inner_text().endswith("검색 결과 1곳")
    expect(page.get_by_role("link", name="문산 장터국밥")).to_be_visible()
    assert page.get_by_role("link", name="운정 손칼국수").count() == 0
    screenshot(page, "directory-search")


def test_header_link_opens_the_newest_edition(live_server, page, screenshot, town):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="지역퍼스트 신문보기").click()
    assert "제417호" in page.locator("h1").inner_text()
    expect(page.get_by_text("1면: 운정 GTX 개통 한 달")).to_be_visible()
    # the PDF's first page, rendered to an image at upload (no <object>: phones could not show it)
    first_page = page.locator(".pageview__zoom img")
    assert "1면" in first_page.get_attribute("alt")
    wait_until_loaded(first_page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF 내려받기").click()
    assert download.value.suggested_filename.endswith("-417.pdf")
    screenshot(page, "epaper-edition")

    # In headless Chromium a click on this page after the download did not navigate; follow the link by address.
    page.goto(live_server.url + page.get_by_role("link", name="지난 지면 모두 보기").get_attribute("href"))
    expect(page.locator("h1")).to_have_text("지면보기")
    assert page.get_by_role("img", name="1면: 1면 머리기사", exact=False).count() >= 1
    screenshot(page, "epaper-archive")


def test_directory_and_epaper_fit_a_320px_phone(live_server, page, screenshot, town):
    page.set_viewport_size({"width": 320, "height": 640})
    for name, path in [
        ("directory-index", "/directory/"),
        ("directory-category", "/directory/food/"),
        ("directory-detail", Listing.objects.get(name="운정 손칼국수").get_absolute_url()),
        ("epaper-archive", "/epaper/"),
        ("home-with-ads", "/"),
    ]:
        assert page.goto(live_server.url + path).status == 200, name
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
        screenshot(page, f"{name}-320px")
