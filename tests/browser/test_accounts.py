import pytest
from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.images import wait_until_loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

User = get_user_model()


def answer_for(page):
    key = page.locator('input[name="captcha_0"]').input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def test_reader_signs_up_logs_in_opens_my_page_and_logs_out(live_server, page, screenshot):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="회원 가입").click()
    expect(page.locator("h1")).to_have_text("회원 가입")
    image = page.get_by_role("img", name="자동등록방지 숫자 그림", exact=False)
    wait_until_loaded(image)

    page.get_by_label("아이디").fill("unjeong_lake")
    page.get_by_label("닉네임").fill("호수공원산책")
    page.get_by_label("이메일").fill("lake@example.com")
    page.get_by_label("비밀번호", exact=True).fill("호수공원-산책로-2026")
    page.get_by_label("비밀번호 확인").fill("호수공원-산책로-2026")
    page.get_by_label("회원가입약관에 동의합니다. (필수)").check()
    page.get_by_label("개인정보 수집 및 이용에 동의합니다. (필수)").check()

    # A wrong captcha: nothing is created, the rest is kept, a new challenge appears.
    old_src = image.get_attribute("src")
    page.get_by_role("textbox", name="자동등록방지 숫자").fill("000000" if answer_for(page) != "000000" else "111111")
    page.get_by_role("button", name="회원 가입").click()
    expect(page.get_by_text("자동등록방지 숫자가 틀렸습니다.")).to_be_visible()
    assert page.get_by_label("아이디").input_value() == "unjeong_lake"
    assert page.get_by_label("비밀번호", exact=True).input_value() == ""
    assert image.get_attribute("src") != old_src
    assert not User.objects.filter(username="unjeong_lake").exists()
    screenshot(page, "signup-wrong-captcha")

    # Refresh changes the challenge without reloading the page.
    page.evaluate("window.__same_page = true")
    before = page.locator('input[name="captcha_0"]').input_value()
    page.get_by_role("button", name="새로고침 (자동등록방지 숫자)").click()
    # functions, not expressions: Playwright evaluates a string expression with eval(), which the CSP refuses
    page.wait_for_function("before => document.querySelector('input[name=captcha_0]').value !== before", arg=before)
    assert page.evaluate("window.__same_page") is True
    wait_until_loaded(page.locator(".captcha__image"))
    audio_href = page.get_by_role("link", name="숫자음성듣기").get_attribute("href")
    assert page.locator('input[name="captcha_0"]').input_value() in audio_href
    audio = page.request.get(live_server.url + audio_href)
    assert audio.ok and audio.headers["content-type"] == "audio/wav"

    page.get_by_label("비밀번호", exact=True).fill("호수공원-산책로-2026")
    page.get_by_label("비밀번호 확인").fill("호수공원-산책로-2026")
    page.get_by_label("회원가입약관에 동의합니다. (필수)").check()
    page.get_by_label("개인정보 수집 및 이용에 동의합니다. (필수)").check()
    page.get_by_role("textbox", name="자동등록방지 숫자").fill(answer_for(page))
    screenshot(page, "signup-filled")
    page.get_by_role("button", name="회원 가입").click()
    expect(page.locator("h1")).to_have_text("가입을 환영합니다")

    page.get_by_role("button", name="로그아웃").click()
    page.get_by_role("link", name="회원 로그인").click()
    page.get_by_label("아이디").fill("unjeong_lake")
    page.get_by_label("비밀번호").fill("호수공원-산책로-2026")
    screenshot(page, "login")
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_text("호수공원산책").first).to_be_visible()

    page.get_by_role("link", name="내 정보").click()
    expect(page.locator("h1")).to_have_text("내 정보")
    expect(page.get_by_role("cell", name="회원가입약관")).to_be_visible()
    screenshot(page, "my-page")

    page.get_by_role("button", name="로그아웃").click()
    expect(page.get_by_role("link", name="회원 로그인")).to_be_visible()
    assert not page.get_by_role("link", name="내 정보").count()


def test_signup_fits_a_320px_phone(live_server, page, screenshot):
    page.set_viewport_size({"width": 320, "height": 640})
    for name, path in [("signup", "/accounts/signup/"), ("login", "/accounts/login/"), ("privacy", "/page/privacy/")]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
        screenshot(page, f"{name}-320px")
