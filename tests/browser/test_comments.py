"""A member comments, replies in place, edits, deletes and reports; the desk hides from the queue."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from comments import services
from comments.models import Comment
from tests.browser.test_reader_layout import AXE, DESKTOP, PHONE, audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, live_server, user):
    """Members log in on the accounts pages; here the browser simply receives a member's session."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def let_time_pass(user):
    """The 30-second rule applies in the browser too: age the member's comments instead of waiting."""
    Comment.objects.filter(author=user).update(created_at=timezone.now() - datetime.timedelta(minutes=1))


@pytest.fixture
def article(make_article):
    return make_article(
        title="파주 운정호수공원 가을 음악회 성황",
        body="<p>가을 음악회가 운정호수공원에서 열렸다.</p>",
    )


@pytest.fixture
def neighbour(django_user_model):
    return django_user_model.objects.create_user(username="neighbour", nickname="교하이웃")


def test_member_comments_replies_edits_deletes_and_reports(live_server, page, screenshot, article, member, neighbour):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    url = live_server.url + article.get_absolute_url()

    page.goto(url)
    comments = page.locator("#comments")
    expect(comments.get_by_text("등록된 댓글이 없습니다.")).to_be_visible()
    expect(comments.get_by_text("로그인 후 댓글을 작성할 수 있습니다.")).to_be_visible()
    assert "next=%2Farticle%2F" in comments.get_by_role("link", name="로그인하기").get_attribute("href")
    screenshot(page, "comments-guest")

    services.comment_create(article=article, author=neighbour, text="음악회 정말 좋았어요.\n내년에도 열리면 좋겠네요.")
    log_in(page, live_server, member)
    page.reload()
    form = page.locator("#comment-form")
    form.get_by_label("댓글 내용").fill("저도 다녀왔습니다. <script>alert('xss')</script>")
    with page.expect_navigation():
        form.get_by_role("button", name="등록").dblclick()
    assert Comment.objects.filter(author=member).count() == 1
    mine = Comment.objects.get(author=member)
    expect(
        page.locator(f"#comment-{mine.pk}").get_by_text("<script>alert('xss')</script>", exact=False)
    ).to_be_visible()
    expect(page.locator("#comments-title")).to_have_text("댓글 2")

    # Reply in place, taking turns with the neighbour, until the thread is five levels deep.
    parent = Comment.objects.get(author=neighbour)
    for depth in (2, 4, 5):
        let_time_pass(member)
        page.locator(f"#comment-{parent.pk} >> a[data-reply]").first.click()
        reply_form = page.locator("#comment-reply-form")
        assert reply_form.get_by_label("댓글 내용").evaluate("el => el === document.activeElement")
        if depth == 2:
            screenshot(page, "comments-reply-in-place")
        reply_form.get_by_label("댓글 내용").fill(f"{depth}단계 답글입니다.")
        with page.expect_navigation():
            reply_form.get_by_role("button", name="등록").click()
        reply = Comment.objects.filter(author=member).latest("created_at")
        assert reply.depth == depth
        assert page.url.endswith(f"#comment-{reply.pk}")
        if depth < 5:
            let_time_pass(neighbour)
            parent = services.comment_create(
                article=article, author=neighbour, text=f"{depth + 1}단계에서 다시 답합니다.", parent=reply
            )
            page.reload()
    assert page.locator(".comment--depth-5").count() == 2
    expect(page.locator(f"#comment-{reply.pk}").get_by_text("@교하이웃")).to_be_visible()
    screenshot(page, "comments-five-levels")

    # Edit the first comment.
    page.locator(f"#comment-{mine.pk}").get_by_role("link", name="수정").click()
    page.get_by_label("댓글 내용").fill("저도 다녀왔습니다. 합창이 특히 좋았어요.")
    screenshot(page, "comments-edit")
    page.get_by_role("button", name="저장").click()
    expect(page.locator(f"#comment-{mine.pk}").get_by_text("수정됨")).to_be_visible()

    # Report the neighbour's first comment.
    first = Comment.objects.filter(author=neighbour).earliest("created_at")
    page.locator(f"#comment-{first.pk}").get_by_role("link", name="신고").first.click()
    page.get_by_label("광고·스팸").check()
    screenshot(page, "comments-report")
    page.get_by_role("button", name="신고하기").click()
    expect(page.get_by_text("신고가 접수되었습니다.")).to_be_visible()
    assert Comment.objects.get(pk=first.pk).report_count == 1

    # Delete a comment that has a reply: it stays as a placeholder and the reply stays.
    second_level = Comment.objects.get(author=member, depth=2)
    page.locator(f"#comment-{second_level.pk}").get_by_role("link", name="삭제").first.click()
    page.get_by_role("button", name="삭제").click()
    placeholder = page.locator(f"#comment-{second_level.pk}")
    expect(placeholder.get_by_text("삭제된 댓글입니다.").first).to_be_visible()
    expect(placeholder.get_by_text("3단계에서 다시 답합니다.")).to_be_visible()
    screenshot(page, "comments-after-delete")
    assert dialogs == []


def test_member_without_javascript_replies_on_a_page_of_its_own(
    live_server, browser, screenshot, article, member, neighbour
):
    parent = services.comment_create(article=article, author=neighbour, text="자바스크립트 없이도 답글이 되나요?")
    context = browser.new_context(java_script_enabled=False, locale="ko-KR", timezone_id="Asia/Seoul")
    page = context.new_page()
    log_in(page, live_server, member)
    page.goto(live_server.url + article.get_absolute_url())
    page.locator(f"#comment-{parent.pk}").get_by_role("link", name="답글").click()
    expect(page.locator("h1")).to_have_text("답글 쓰기")
    page.get_by_label("댓글 내용").fill("네, 이렇게 됩니다.")
    with page.expect_navigation():
        page.get_by_role("button", name="등록").click()
    reply = Comment.objects.get(author=member)
    assert page.url.endswith(f"#comment-{reply.pk}")
    assert reply.parent_id == parent.pk

    page.locator("#comment-form").get_by_label("댓글 내용").fill("바로 또 쓰는 댓글")
    with page.expect_navigation():
        page.locator("#comment-form").get_by_role("button", name="등록").click()
    expect(page.get_by_text("댓글은 30초에 한 번 쓸 수 있습니다.", exact=False)).to_be_visible()
    assert page.get_by_label("댓글 내용").input_value() == "바로 또 쓰는 댓글"
    screenshot(page, "comments-thirty-seconds")
    context.close()


def test_desk_hides_a_reported_comment_from_the_queue(
    live_server, page, screenshot, article, member, neighbour, editor
):
    bad = services.comment_create(article=article, author=neighbour, text="광고 댓글입니다 연락 주세요")
    services.comment_report(comment=bad, reporter=member, reason="spam")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("사용자 이름").fill("desk")
    page.get_by_label("비밀번호").fill("correct-horse-battery")
    page.get_by_role("button", name="로그인").click()
    page.goto(live_server.url + "/admin/comments/reportedcomment/")
    expect(page.get_by_text("광고 댓글입니다 연락 주세요")).to_be_visible()
    screenshot(page, "comments-moderation-queue")
    page.locator(f"input[name=_selected_action][value='{bad.pk}']").check()
    page.locator("select[name=action]").select_option("hide")
    with page.expect_navigation():
        page.get_by_role("button", name="실행").click()
    expect(page.get_by_text("댓글 1개를 숨겼습니다.")).to_be_visible()
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.get_by_text("관리자에 의해 숨겨진 댓글입니다.")).to_be_visible()
    expect(page.locator("#comments-title")).to_have_text("댓글 0")


def test_comment_thread_fits_a_320px_phone(live_server, page, screenshot, article, member, neighbour):
    parent = None
    for level in range(1, 6):
        author = member if level % 2 else neighbour
        let_time_pass(author)
        parent = services.comment_create(
            article=article,
            author=author,
            text=f"{level}단계 댓글: 아주아주긴단어가들어가도화면밖으로넘치지않아야합니다 https://example.com/a/very/long/path/that/must/wrap",
            parent=parent,
        )
    log_in(page, live_server, member)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + article.get_absolute_url() + "#comments")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    screenshot(page, "comments-320px", full_page=False)


def comment_box(page, comment):
    return page.locator(f"#comment-{comment.pk} > .comment__body")


def test_two_members_like_a_comment_and_sort_by_likes(
    live_server, browser, page, screenshot, article, member, neighbour, django_user_model, settings
):
    settings.COMMENT_BEST_MIN_LIKES = 2
    writer = django_user_model.objects.create_user(username="writer", nickname="금촌주민")
    early = services.comment_create(article=article, author=writer, text="일찍 쓴 댓글입니다.")
    let_time_pass(writer)
    liked = services.comment_create(article=article, author=writer, text="공감을 많이 받을 댓글입니다.")
    url = live_server.url + article.get_absolute_url()

    # The first member likes it: the count changes in place, the button says it is pressed.
    log_in(page, live_server, member)
    page.goto(url)
    like = comment_box(page, liked).get_by_role("button", name="공감", exact=False).first
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like).to_have_text("공감 1")
    assert page.url == url  # no page load
    expect(page.locator("#comment-vote-status")).to_have_text("공감했습니다. 공감 1, 비공감 0")

    # The second member, in a browser of their own, likes it too.
    other = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul")
    second = other.new_page()
    log_in(second, live_server, neighbour)
    second.goto(url)
    comment_box(second, liked).get_by_role("button", name="공감", exact=False).first.click()
    expect(comment_box(second, liked).get_by_role("button", name="공감", exact=False).first).to_have_text("공감 2")
    other.close()

    # Both likes show; the comment is now BEST and first in 공감순.
    page.reload()
    expect(like).to_have_text("공감 2")
    expect(page.locator(".comments-best")).to_contain_text("공감을 많이 받을 댓글입니다.")
    page.locator(".comments__sort").get_by_role("link", name="공감순").click()
    expect(page.locator(".comments__sort a[aria-current]")).to_have_text("공감순")
    roots = page.locator(".comment--depth-1")
    expect(roots.first).to_have_attribute("id", f"comment-{liked.pk}")
    expect(roots.nth(1)).to_have_attribute("id", f"comment-{early.pk}")
    screenshot(page, "comments-likes-sorted")

    # The BEST entry leads to the comment's place in the thread.
    page.locator(".comments-best a").first.click()
    page.wait_for_url(f"**#comment-{liked.pk}")

    # Clicking again withdraws the like.
    like = comment_box(page, liked).get_by_role("button", name="공감", exact=False).first
    like.click()
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(like).to_have_text("공감 1")
    assert Comment.objects.get(pk=liked.pk).like_count == 1


def test_a_vote_without_javascript_comes_back_to_the_comment(live_server, browser, article, member, neighbour):
    theirs = services.comment_create(article=article, author=neighbour, text="자바스크립트 없이 비공감해 보세요.")
    context = browser.new_context(java_script_enabled=False, locale="ko-KR", timezone_id="Asia/Seoul")
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url() + "?sort=newest")
    guest_link = comment_box(page, theirs).get_by_role("link", name="비공감", exact=False)
    assert "next=%2Fcomments%2F" in guest_link.get_attribute("href")
    log_in(page, live_server, member)
    page.reload()
    with page.expect_navigation():
        comment_box(page, theirs).get_by_role("button", name="비공감", exact=False).click()
    assert page.url.endswith(f"?sort=newest#comment-{theirs.pk}")
    dislike = comment_box(page, theirs).get_by_role("button", name="비공감", exact=False)
    expect(dislike).to_have_attribute("aria-pressed", "true")
    expect(dislike).to_have_text("비공감 1")
    context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core 없음: cd tests/browser/axe && npm ci")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_axe_finds_no_violations_in_a_busy_comment_section(
    live_server, browser, article, member, neighbour, settings, viewport
):
    settings.COMMENT_THREADS_PER_PAGE = 3
    settings.COMMENT_BEST_MIN_LIKES = 1
    for number in range(5):
        let_time_pass(neighbour)
        root = services.comment_create(article=article, author=neighbour, text=f"{number}번째 의견입니다.")
        services.comment_vote(comment=root, member=member, value=1 if number % 2 else -1)
    let_time_pass(member)
    services.comment_create(article=article, author=member, text="제 의견도 남깁니다.", parent=root)
    found = {}
    for who in ("guest", "member"):
        ctx = browser.new_context(viewport=viewport, locale="ko-KR", timezone_id="Asia/Seoul", bypass_csp=True)
        page = ctx.new_page()
        if who == "member":
            log_in(page, live_server, member)
        page.goto(live_server.url + article.get_absolute_url() + "?sort=likes")
        assert page.locator(".comments-best, .comments__pages, .comment__votes").count() >= 3
        violations = audit(page)
        if violations:
            found[who] = violations
        ctx.close()
    assert found == {}
