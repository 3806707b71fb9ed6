"""The reader's site on a 360 px phone and a 1280 px desktop: where the story starts, the phone menu,
article tools, and axe (WCAG 2.2 AA) on every page type. Also refreshes the README's screenshots."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, BreakingNews, ReporterProfile
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def newsroom(make_article, image_upload, reporter):
    ReporterProfile.objects.create(user=reporter, title="취재기자", public_email="kim@firstnews.example")
    lead = make_article(
        title="파주 운정호수공원 가을 음악회 성황, 시민 3천여 명 찾아",
        summary="주말 동안 시민 3천여 명이 호수공원을 찾았다.",
        body="<p>가을 음악회가 운정호수공원에서 열렸다.</p>" * 6
        + "<table><tr><th>시간</th><th>내용</th></tr><tr><td>오후 6시까지</td><td>부가세 포함 관람료</td></tr></table>",
        photo=image_upload(size=(1600, 1000)),
        photo_alt="호수공원 야외무대에서 공연하는 합창단",
        photo_caption="운정호수공원 야외무대 공연 모습",
        photo_credit="퍼스트신문",
    )
    for number in range(5):
        make_article(
            title=f"교하동 생활 소식 {number}",
            summary="교하동 주민들의 생활 소식이다.",
            photo=image_upload(f"p{number}.png", size=(600, 400)) if number < 2 else "",
            photo_alt="교하동 풍경" if number < 2 else "",
        )
    now = timezone.now()
    BreakingNews.objects.create(
        text="임진강 필승교 수위 상승, 강변 캠핑장 이용 자제 당부",
        article=lead,
        starts_at=now - timezone.timedelta(minutes=5),
        expires_at=now + timezone.timedelta(hours=2),
    )
    return lead


def context(browser, viewport, **options):
    return browser.new_context(viewport=viewport, locale="ko-KR", timezone_id="Asia/Seoul", **options)


def test_on_a_phone_the_story_starts_on_the_first_screen(live_server, browser, newsroom):
    ctx = context(browser, PHONE)
    page = ctx.new_page()
    page.goto(live_server.url + "/")
    lead = page.locator(".topstory").bounding_box()
    assert lead["y"] <= 300, f"home lead story starts at {lead['y']}px"
    header = page.locator(".masthead").bounding_box()
    assert header["height"] <= 70, f"phone header is {header['height']}px tall"
    breaking = page.locator(".breaking").bounding_box()
    assert breaking["height"] <= 48, f"속보 bar is {breaking['height']}px tall"
    page.goto(live_server.url + newsroom.get_absolute_url())
    title = page.locator("h1").bounding_box()
    assert title["y"] <= 250, f"article <h1> starts at {title['y']}px"
    page.goto(live_server.url + reverse("articles:section", args=["news", "paju"]))
    assert page.locator("h1").bounding_box()["y"] <= 250
    ctx.close()


def test_desktop_keeps_the_newspaper_header(live_server, page, newsroom):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("navigation", name="주 메뉴")).to_be_visible()
    expect(page.locator(".masthead__tagline")).to_be_visible()
    expect(page.locator(".menupanel")).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_menu_opens_the_full_two_level_menu(live_server, browser, newsroom, javascript):
    ctx = context(browser, PHONE, java_script_enabled=javascript)
    page = ctx.new_page()
    page.goto(live_server.url + "/")
    panel = page.get_by_role("navigation", name="전체 메뉴 (모바일)")
    expect(panel).to_be_hidden()
    page.locator(".menupanel__button").click()
    expect(panel).to_be_visible()
    for name in ("퍼스트뉴스", "파주뉴스", "우리동네업소소개", "회원 로그인", "포토뉴스"):
        assert panel.get_by_role("link", name=name, exact=True).first.is_visible(), name
    if javascript:
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()
        page.locator(".menupanel__button").click()
    panel.get_by_role("link", name="파주뉴스", exact=True).click()
    expect(page.locator("h1")).to_have_text("파주뉴스")
    ctx.close()


def test_font_size_is_remembered_and_print_hides_the_chrome(live_server, page, newsroom):
    page.goto(live_server.url + newsroom.get_absolute_url())
    body = page.locator(".story__body")
    before = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    larger = page.get_by_role("button", name="크게")
    for _ in range(3):
        larger.click()
    assert larger.is_disabled()  # five steps: 작게, 보통, then three larger
    after = float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert after > before * 1.3
    assert page.context.cookies() == [] or all(c["name"] != "font" for c in page.context.cookies())
    page.reload()
    assert float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) == after
    assert page.evaluate("localStorage.getItem('firstnews:font-step')") == "4"

    page.emulate_media(media="print")
    for hidden in (".masthead", ".mainnav", ".sharebar", ".comments", ".sidebar", ".adslot", ".sitefooter"):
        assert page.locator(hidden).first.is_hidden(), hidden
    address = page.locator(".story__address")
    assert address.is_visible() and newsroom.get_absolute_url() in address.inner_text()
    expect(page.get_by_text("저작권자 © 퍼스트신문 무단전재 및 재배포 금지")).to_be_visible()
    page.emulate_media(media="screen")
    assert address.is_hidden()


def audit(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            rules: {"label-content-name-mismatch": {enabled: true}, "target-size": {enabled: true}},
        })""",
        AXE_TAGS,
    )
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary'][:160]}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core 없음: cd tests/browser/axe && npm ci")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_axe_finds_no_violations_on_any_page_type(live_server, browser, newsroom, viewport):
    pages = {
        "home": "/",
        "article": newsroom.get_absolute_url(),
        "section": reverse("articles:section", args=["news", "paju"]),
        "group": reverse("articles:group", args=["news"]),
        "photo": reverse("articles:photo"),
        "search": reverse("search:search") + "?q=음악회",
        "signup": reverse("accounts:signup"),
        "login": reverse("accounts:login"),
        "directory": reverse("directory:index"),
        "epaper": reverse("epaper:archive"),
        "tip": reverse("contact:tip"),
    }
    ctx = context(browser, viewport, bypass_csp=True)  # axe is injected as a script
    page = ctx.new_page()
    found = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        violations = audit(page)
        if violations:
            found[name] = violations
    ctx.close()
    assert found == {}


def test_readme_screenshots(live_server, browser, newsroom, editor):
    """docs/screenshots/ for the README: home, an article and the admin editor, desktop and phone."""
    DOCS.mkdir(parents=True, exist_ok=True)
    article = Article.objects.get(pk=newsroom.pk)
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        ctx = context(browser, viewport)
        page = ctx.new_page()
        for name, path in (("home", "/"), ("article", article.get_absolute_url())):
            page.goto(live_server.url + path)
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(DOCS / f"{name}-{label}.png"))
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "desk")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="로그인").click()
        page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
        page.locator(".ck-editor__editable").first.wait_for()
        page.screenshot(path=str(DOCS / f"admin-editor-{label}.png"))
        ctx.close()
    assert all(
        (DOCS / f"{name}-{label}.png").stat().st_size > 10_000
        for name in ("home", "article", "admin-editor")
        for label in ("desktop", "phone")
    )
