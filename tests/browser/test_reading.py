import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.images import wait_until_loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def newsroom(make_article, image_upload):
    make_article(
        title="파주 운정호수공원 가을 음악회 성황",
        summary="주말 동안 시민 3천여 명이 호수공원을 찾았다.",
        body="<p>가을 음악회가 운정호수공원에서 열렸다.</p><p>▲합창 ▲관현악 ▲버스킹 공연이 이어졌다.</p>",
        photo=image_upload(size=(1600, 1000)),
        photo_alt="호수공원 야외무대에서 공연하는 합창단",
        photo_caption="운정호수공원 야외무대 공연 모습",
        photo_credit="퍼스트신문",
    )
    for number in range(5):
        make_article(title=f"교하동 생활 소식 {number}", summary="교하동 주민들의 생활 소식이다.")
    make_article(title="공개되지 않은 초고", status=Article.Status.DRAFT)


def test_reader_walks_from_home_to_section_to_article(live_server, page, screenshot, newsroom):
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    expect(page.get_by_role("heading", name="많이 본 뉴스")).to_be_visible()
    assert "공개되지 않은 초고" not in page.content()
    screenshot(page, "home-desktop")

    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="퍼스트뉴스").click()
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="파주뉴스").click()
    expect(page.locator("h1")).to_have_text("파주뉴스")
    screenshot(page, "section-desktop")

    page.get_by_role("link", name="파주 운정호수공원 가을 음악회 성황").first.click()
    expect(page.locator("h1")).to_have_text("파주 운정호수공원 가을 음악회 성황")
    assert page.get_by_role("navigation", name="현재 위치").inner_text().split() == [
        "홈",
        "›",
        "퍼스트뉴스",
        "›",
        "파주뉴스",
    ] or (
        page.get_by_role("navigation", name="현재 위치").get_by_role("link").all_inner_texts()
        == ["홈", "퍼스트뉴스", "파주뉴스"]
    )
    expect(page.get_by_role("heading", name="퍼스트뉴스 최신 기사")).to_be_visible()
    lead = page.get_by_role("img", name="호수공원 야외무대에서 공연하는 합창단")
    wait_until_loaded(lead)
    screenshot(page, "article-desktop")


def test_pages_fit_a_320px_phone_without_sideways_scrolling(live_server, page, screenshot, newsroom):
    page.set_viewport_size({"width": 320, "height": 640})
    article = Article.objects.get(title="파주 운정호수공원 가을 음악회 성황")
    for name, path in [("home", "/"), ("section", "/section/news/paju/"), ("article", article.get_absolute_url())]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
        screenshot(page, f"{name}-320px")


def test_keyboard_user_can_skip_to_content_and_sees_focus(live_server, page, newsroom):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문 바로가기")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["y"] >= 0  # it moves into view when focused
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
