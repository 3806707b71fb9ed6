import re

import pytest
from playwright.sync_api import expect

from contact.models import AdRequest, Tip
from tests.factories import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _captcha_test_mode(settings, tmp_path):
    settings.CAPTCHA_TEST_MODE = True
    settings.CONTACT_UPLOAD_ROOT = tmp_path / "private"


def test_tipster_fixes_a_mistake_and_sends_a_tip_with_a_photo(live_server, page, screenshot, editor, mailoutbox):
    page.goto(live_server.url + "/")
    page.locator(".sitefooter__links").get_by_role("link", name="기사제보").click()
    expect(page.locator("h1")).to_have_text("기사제보")
    expect(page.get_by_text("자동등록방지 숫자를 순서대로 입력하세요.")).to_be_visible()
    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] < 0  # off-screen for people, still in the HTML for bots

    page.get_by_label("제목").fill("교하 도서관 앞 인도 블록이 들떠 있습니다")
    page.get_by_label("이메일").fill("tipster@example.com")
    page.get_by_role("button", name="제보 보내기").click()

    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_text("내용을 입력하세요.")).to_be_visible()
    expect(page.get_by_text("개인정보 수집·이용에 동의해야 보낼 수 있습니다.")).to_be_visible()
    assert page.get_by_label("제목").input_value() == "교하 도서관 앞 인도 블록이 들떠 있습니다"
    assert page.get_by_label("이메일").input_value() == "tipster@example.com"
    screenshot(page, "contact-tip-errors")

    page.get_by_label("내용").fill("도서관 정문 앞 인도 블록 여러 장이 들떠 유모차 바퀴가 걸립니다.")
    page.get_by_label("첨부파일").set_input_files(
        [{"name": "인도.png", "mimeType": "image/png", "buffer": png_bytes((640, 480))}]
    )
    page.get_by_label("위 개인정보 수집·이용에 동의합니다.").check()
    page.locator("#id_captcha_1").fill("PASSED")
    page.get_by_role("button", name="제보 보내기").click()

    expect(page.locator("h1")).to_have_text("기사제보 접수 완료")
    reference = page.locator(".contact__reference").inner_text()
    assert re.fullmatch(r"T-\d{8}-0001", reference)
    screenshot(page, "contact-tip-done")
    tip = Tip.objects.get(reference=reference)
    assert tip.attachments.get().original_name == "인도.png"
    assert any(reference in mail.body for mail in mailoutbox if mail.to == ["tipster@example.com"])


def test_advertiser_reads_the_guide_and_requests_an_ad_then_the_desk_finds_it(live_server, page, screenshot, editor):
    page.goto(live_server.url + "/")
    page.locator(".sitefooter__links").get_by_role("link", name="광고안내/신청").click()
    expect(page.locator("h1")).to_have_text("광고안내")
    expect(page.get_by_role("cell", name="상단 배너")).to_be_visible()
    screenshot(page, "contact-ad-guide")

    page.get_by_role("link", name="온라인 광고신청").click()
    page.get_by_label("회사·상호").fill("운정 책방 오늘")
    page.get_by_label("담당자").fill("오서연")
    page.get_by_label("전화번호").fill("031-000-7777")
    page.get_by_label("이메일").fill("books@example.com")
    page.get_by_label("광고 종류").select_option(label="우리동네업소소개 등록")
    page.get_by_label("희망 기간").fill("2027년 1월부터 1년")
    page.get_by_label("문의 내용").fill("동네 책방을 우리동네업소소개에 올리고 싶습니다.")
    page.get_by_label("위 개인정보 수집·이용에 동의합니다.").check()
    page.locator("#id_captcha_1").fill("PASSED")
    screenshot(page, "contact-ad-form")
    page.get_by_role("button", name="광고 신청하기").click()

    expect(page.locator("h1")).to_have_text("광고신청 접수 완료")
    reference = page.locator(".contact__reference").inner_text()
    assert AdRequest.objects.get(reference=reference).kind == AdRequest.Kind.DIRECTORY
    screenshot(page, "contact-ad-done")

    page.goto(live_server.url + "/admin/login/?next=/admin/contact/adrequest/")
    page.get_by_label("사용자 이름").fill(editor.username)
    page.get_by_label("비밀번호").fill("correct-horse-battery")
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("link", name=reference)).to_be_visible()
    screenshot(page, "contact-ad-inbox")
    page.get_by_role("link", name=reference).click()
    page.get_by_label("상태").select_option(label="검토중")
    page.get_by_label("내부 메모").fill("단가표 메일로 보냄")
    screenshot(page, "contact-ad-inbox-detail")
    page.get_by_role("button", name="저장", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("성공적으로")
    assert AdRequest.objects.get(reference=reference).status == AdRequest.Status.REVIEWING


def test_tip_form_fits_a_320px_phone(live_server, page, screenshot):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + "/contact/tip/")
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 321)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert wide == []
    screenshot(page, "contact-tip-mobile")
