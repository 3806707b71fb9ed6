import pytest
from playwright.sync_api import expect

from visitors.models import DailyVisits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = '파주 "평화 & 통일" 걷기 대회'


@pytest.fixture
def article(make_article, image_upload):
    return make_article(
        title=TITLE,
        summary="임진각에서 시민 걷기 대회가 열렸다.",
        photo=image_upload(size=(1600, 1000)),
        photo_alt="임진각 평화누리를 걷는 시민들",
    )


def test_reader_sees_the_share_bar_and_copies_the_link(live_server, page, screenshot, article, settings):
    settings.SITE_URL = live_server.url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + article.get_absolute_url())
    bar = page.get_by_role("group", name="기사 공유")
    for label in (
        "페이스북에 공유",
        "X(트위터)에 공유",
        "카카오스토리에 공유",
        "밴드(네이버 밴드)에 공유",
        "블로그(네이버 블로그)에 공유",
    ):
        link = bar.get_by_role("link", name=label)
        assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"
    copy = bar.get_by_role("button", name="링크 복사")
    copy.focus()
    page.keyboard.press("Enter")
    expect(bar.get_by_role("status")).to_have_text("기사 주소를 복사했습니다.")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + article.get_absolute_url()
    screenshot(page, "article-share-bar", full_page=False)


def test_opening_an_article_counts_the_visit_and_the_view(live_server, page, article):
    def beacon_answered(url):
        """Open the page and wait until its counting beacon has been answered."""
        with page.expect_response(
            lambda response: "/v/" in response.url and response.request.method == "POST"
        ) as beacon:
            page.goto(url)
        assert beacon.value.ok

    beacon_answered(live_server.url + article.get_absolute_url())
    article.refresh_from_db()
    assert article.view_count == 1
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies["fn_vid"]["httpOnly"]
    beacon_answered(live_server.url + article.get_absolute_url())
    beacon_answered(live_server.url + "/")
    article.refresh_from_db()
    assert article.view_count == 1
    assert DailyVisits.objects.get().visits == 1
    assert "손님 : 1 명 | 회원 : 0 명" in page.locator(".sitefooter__status").inner_text()


def test_share_bar_fits_a_320px_phone(live_server, page, screenshot, article):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + article.get_absolute_url())
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    screenshot(page, "article-share-bar-320px", full_page=False)
