"""The newsroom path in a real browser: reporter writes and submits, the desk returns it with a note,
the reporter fixes and resubmits, the desk publishes, and readers see it with its 속보, tags and corrections."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, BreakingNews, Correction, ReviewStep, Tag
from tests.factories import FROZEN_NOW
from visitors.identity import COOKIE_NAME as VISITOR_COOKIE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(live_server.url + "/admin/")


def save(page):
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()


def test_reporter_to_desk_to_published(live_server, page, screenshot, reporter, editor, make_article):
    make_article(title="이웃 기사: 운정 호수공원 새 산책로", published_at=timezone.now() - datetime.timedelta(days=1))
    Tag.objects.create(name="운정신도시")

    # 기자: writes a draft and asks the desk to review it
    log_in(page, live_server, "reporter")
    page.goto(live_server.url + "/admin/articles/article/add/")
    page.select_option("#id_section", label="퍼스트뉴스 › 파주뉴스")
    page.fill("#id_title", "운정 호수공원 야간 개방 밤 10시까지 연장")
    page.fill("#id_summary", "여름철 야간 개방 시간이 한 시간 늘어난다.")
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("파주시는 운정호수공원 야간 개방 시간을 밤 10시까지 늘린다고 밝혔다.")
    page.select_option("#id_status", "review")
    page.fill("#id_review_note", "시 공원과 확인 끝났습니다.")
    screenshot(page, "newsroom-1-reporter-writes")
    save(page)
    assert "데스크에 검토를 요청했습니다" in page.content()
    article = Article.objects.get(title="운정 호수공원 야간 개방 밤 10시까지 연장")
    assert article.status == Article.Status.REVIEW

    # 데스크: sees it waiting on the first admin page and returns it with a note
    log_in(page, live_server, "desk")
    queue = page.locator(".newsroom-desk")
    assert "검토를 기다리는 기사 (1)" in queue.inner_text()
    screenshot(page, "newsroom-2-desk-queue")
    queue.get_by_role("link", name="운정 호수공원 야간 개방 밤 10시까지 연장").click()
    page.select_option("#id_status", "draft")
    save(page)
    assert "반려할 때는 기자에게 전할 메모를 적어 주세요." in page.content()
    page.fill("#id_review_note", "공원 관리 인력 충원 계획도 한 줄 넣어 주세요.")
    save(page)
    assert "기사를 반려했습니다" in page.content()

    # 기자: reads the note, adds the line and submits again
    log_in(page, live_server, "reporter")
    assert "공원 관리 인력 충원 계획도" in page.locator(".newsroom-desk").inner_text()
    screenshot(page, "newsroom-3-reporter-sees-note")
    page.locator(".newsroom-desk").get_by_role("link", name="운정 호수공원 야간 개방 밤 10시까지 연장").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("시는 야간 관리 인력 4명을 새로 둔다.")
    page.select_option("#id_status", "review")
    save(page)

    # 데스크: tags it, compares revisions, publishes
    log_in(page, live_server, "desk")
    page.goto(live_server.url + f"/admin/articles/article/{article.pk}/revisions/")
    page.get_by_role("button", name="고른 두 판 비교").click()
    assert page.locator("table.revdiff__table").count() >= 1
    assert "관리" in page.locator(".revdiff").inner_text()
    screenshot(page, "newsroom-4-revision-diff")
    page.goto(live_server.url + f"/admin/articles/article/{article.pk}/change/")
    page.locator(".field-tags .select2-selection").click()
    page.keyboard.type("운정")
    page.get_by_role("option", name="운정신도시").click()
    page.select_option("#id_status", "published")
    screenshot(page, "newsroom-5-desk-publishes")
    save(page)
    assert "기사를 발행했습니다" in page.content()
    actions = list(ReviewStep.objects.filter(article=article).order_by("created_at").values_list("action", flat=True))
    assert actions == ["submitted", "returned", "submitted", "published"]

    # 독자: the article is out, with its tag, related article, a correction and the 속보 bar
    Correction.objects.create(article=article, text="개방 시작일을 6월 1일로 바로잡습니다.")
    BreakingNews.objects.create(
        text="운정호수공원 오늘부터 밤 10시까지 개방",
        article=article,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    page.context.clear_cookies()
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator("h1")).to_have_text("운정 호수공원 야간 개방 밤 10시까지 연장")
    expect(page.get_by_role("region", name="속보")).to_be_visible()
    expect(page.get_by_text("개방 시작일을 6월 1일로 바로잡습니다.")).to_be_visible()
    expect(page.get_by_role("link", name="#운정신도시")).to_be_visible()
    expect(page.get_by_role("heading", name="관련 기사")).to_be_visible()
    # the only cookie a reader gets is the visitor counter's, set by its beacon, never by a page
    assert {cookie["name"] for cookie in page.context.cookies()} <= {VISITOR_COOKIE}
    screenshot(page, "newsroom-6-reader-article")

    # 속보 can be dismissed, and stays dismissed on the next page
    page.get_by_role("button", name="속보 닫기").click()
    expect(page.get_by_role("region", name="속보")).to_be_hidden()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("region", name="속보")).to_be_hidden()
    # the only cookie a reader gets is the visitor counter's, set by its beacon, never by a page
    assert {cookie["name"] for cookie in page.context.cookies()} <= {VISITOR_COOKIE}


def test_breaking_bar_rotates_pauses_and_fits_a_phone(live_server, page, screenshot, make_article):
    make_article(title="평범한 기사")
    until = timezone.now() + datetime.timedelta(hours=1)
    BreakingNews.objects.create(text="첫째 속보: 자유로 문산 방향 사고로 정체", expires_at=until)
    BreakingNews.objects.create(text="둘째 속보: 경의중앙선 운행 재개", expires_at=until)
    page.set_viewport_size({"width": 320, "height": 640})
    # the page's timers run on a clock that stands still until the test moves it
    page.clock.install(time=FROZEN_NOW)
    page.clock.pause_at(FROZEN_NOW + datetime.timedelta(minutes=1))
    page.goto(live_server.url + "/")
    bar = page.get_by_role("region", name="속보")
    assert bar.locator(".breaking__item:visible").count() == 1

    def shown():
        return bar.locator(".breaking__item:visible").inner_text()

    first = shown()
    page.clock.run_for(5300)
    assert shown() != first  # it rotates on its own
    pause = bar.get_by_role("button", name="일시정지")
    pause.focus()
    assert pause.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    held = shown()
    page.clock.run_for(5300)
    assert shown() == held  # nothing moves while the keyboard focus is in the bar
    pause.click()
    expect(bar.get_by_role("button", name="다시 재생")).to_be_visible()
    page.locator("#content").focus()
    page.mouse.move(5, 600)
    page.clock.run_for(5300)
    assert shown() == held  # paused by the reader: stays still after focus leaves
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    screenshot(page, "newsroom-breaking-320px", full_page=False)


def test_roomy_form_styled_editor_and_preview_in_a_new_tab(live_server, page, screenshot, editor):
    """At 1280 px: 제목 spans the form with a live count, a 소제목 in the editor looks like one, and
    미리보기 opens the unsaved article in the reader's design in a new tab without saving it."""
    log_in(page, live_server, "desk")
    page.goto(live_server.url + "/admin/articles/article/add/")
    title = page.locator("#id_title")
    assert title.bounding_box()["width"] > 800  # was about 270 px
    assert page.locator("#id_subtitle").bounding_box()["width"] > 800
    page.select_option("#id_section", label="퍼스트뉴스 › 파주뉴스")
    headline = "운정호수공원 야간 개방, 밤 10시까지 한 시간 늘린다"
    title.fill(headline)
    assert page.locator('[data-charcount-for="id_title"]').inner_text() == str(len(headline)) == "30"
    page.fill("#id_subtitle", "여름철 한시 운영")
    expect(page.locator('[data-charcount-for="id_subtitle"]')).to_have_text("9")
    editable = page.locator(".ck-editor__editable")
    editable.click()
    page.keyboard.type("관리 인력")
    page.locator(".ck-heading-dropdown button").first.click()
    page.get_by_role("menuitemradio", name="소제목", exact=True).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("파주시는 운정호수공원 야간 개방 시간을 밤 10시까지 늘린다고 밝혔다.")
    heading = editable.locator("h2")
    paragraph = editable.locator("p").first
    size = heading.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    body_size = paragraph.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert size >= 1.4 * body_size  # the reader's 소제목, not the admin's small h2
    screenshot(page, "newsroom-7-roomy-form", full_page=False)

    with page.context.expect_page() as opened:
        page.get_by_role("button", name="미리보기").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text("운정호수공원 야간 개방, 밤 10시까지 한 시간 늘린다")
    expect(preview.locator(".story__subtitle")).to_have_text("여름철 한시 운영")
    expect(preview.locator(".story__body h2")).to_have_text("관리 인력")
    assert "미리보기" in preview.locator(".notice--preview").inner_text()
    assert preview.title().startswith("[미리보기]")
    screenshot(preview, "newsroom-8-preview")
    assert not Article.objects.exists()  # nothing saved
    assert page.url.endswith("/admin/articles/article/add/")  # the form stays as it was
    assert page.locator("#id_title").input_value() == "운정호수공원 야간 개방, 밤 10시까지 한 시간 늘린다"


def test_revision_diff_shows_changed_links_images_and_tags(live_server, page, screenshot, editor, make_article):
    from articles import services

    article = make_article(
        title="운정호수공원 야간 개방",
        body='<p>자세한 내용은 <a href="https://www.paju.go.kr/notice/1">시청 공고</a>에 있다.</p>'
        '<figure class="image"><img src="/static/icons/icon.svg" alt="공원 안내도"><figcaption>공원 안내도</figcaption></figure>',
    )
    article.tags.add(Tag.objects.create(name="청렴도"))
    services.revision_record(article=article, author=editor)
    article.body = '<p>자세한 내용은 <a href="https://www.paju.go.kr/notice/2">시청 공고</a>에 있다.</p>'
    article.body += '<figure class="image"><img src="/static/icons/apple-touch-icon.png" alt="새 산책로"></figure>'
    article.save()
    article.tags.set([Tag.objects.create(name="운정신도시")])
    services.revision_record(article=article, author=editor)
    log_in(page, live_server, "desk")
    page.goto(live_server.url + f"/admin/articles/article/{article.pk}/revisions/?a=1&b=2")
    diff = page.locator(".revdiff")
    expect(page.get_by_role("heading", name="본문 링크")).to_be_visible()
    assert "https://www.paju.go.kr/notice/2" in diff.inner_text()
    expect(page.get_by_role("heading", name="본문 사진")).to_be_visible()
    assert diff.locator("img.revdiff__thumb").count() == 2
    expect(page.get_by_role("heading", name="태그")).to_be_visible()
    assert "No Differences" not in diff.inner_text()
    screenshot(page, "newsroom-9-revision-links-images")
