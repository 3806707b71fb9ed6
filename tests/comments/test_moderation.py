import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from comments import services
from comments.models import BannedWord, Comment, CommentBan, CommentReport

pytestmark = pytest.mark.django_db


def report(client, comment, reason="abuse"):
    return client.post(reverse("comments:report", args=[comment.pk]), {"reason": reason})


def test_member_reports_a_comment_once(client, member, neighbour, article, say):
    comment = say(article, neighbour, "거친 말")
    client.force_login(member)
    page = client.get(reverse("comments:report", args=[comment.pk])).content.decode()
    assert "신고 사유" in page and "욕설·비방" in page
    response = report(client, comment)
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert "신고가 접수되었습니다." in client.get(article.get_absolute_url()).content.decode()
    again = report(client, comment, "spam")
    assert "이미 신고한 댓글입니다." in again.content.decode()
    comment.refresh_from_db()
    assert comment.report_count == 1
    assert CommentReport.objects.count() == 1


def test_report_needs_a_reason(client, member, neighbour, article, say):
    comment = say(article, neighbour)
    client.force_login(member)
    assert "신고 사유를 고르세요." in client.post(reverse("comments:report", args=[comment.pk])).content.decode()
    assert not CommentReport.objects.exists()


def test_member_cannot_report_own_comment(client, member, article, say):
    comment = say(article, member)
    client.force_login(member)
    assert report(client, comment).status_code == 404
    with pytest.raises(services.ValidationError):
        services.comment_report(comment=comment, reporter=member, reason="spam")


def test_desk_queue_lists_unreviewed_reports_most_reported_first(client, editor, member, neighbour, article, say):
    mild = say(article, member, "조금 거친 말")
    worst = say(article, member, "많이 거친 말")
    say(article, member, "신고 없는 말")
    services.comment_report(comment=mild, reporter=neighbour, reason="abuse")
    services.comment_report(comment=worst, reporter=neighbour, reason="abuse")
    services.comment_report(comment=worst, reporter=editor, reason="spam")
    client.force_login(editor)
    page = client.get(reverse("admin:comments_reportedcomment_changelist")).content.decode()
    assert "신고 없는 말" not in page
    assert page.index("많이 거친 말") < page.index("조금 거친 말")
    client.post(
        reverse("admin:comments_reportedcomment_changelist"),
        {"action": "dismiss_reports", ACTION_CHECKBOX_NAME: [mild.pk]},
    )
    page = client.get(reverse("admin:comments_reportedcomment_changelist")).content.decode()
    assert "조금 거친 말" not in page
    assert "많이 거친 말" in page


def test_desk_hides_and_unhides_a_comment(client, editor, member, neighbour, article, say):
    comment = say(article, member, "숨길 말")
    reply = say(article, neighbour, "답글은 남는다", parent=comment)
    client.force_login(editor)
    changelist = reverse("admin:comments_comment_changelist")
    client.post(changelist, {"action": "hide", ACTION_CHECKBOX_NAME: [comment.pk]})
    article.refresh_from_db()
    assert article.comment_count == 1
    page = client.get(article.get_absolute_url()).content.decode()
    assert "관리자에 의해 숨겨진 댓글입니다." in page
    assert "숨길 말" not in page
    assert "답글은 남는다" in page
    assert page.index("관리자에 의해 숨겨진 댓글입니다.") < page.index(f'id="comment-{reply.pk}"')
    client.post(changelist, {"action": "unhide", ACTION_CHECKBOX_NAME: [comment.pk]})
    article.refresh_from_db()
    assert article.comment_count == 2
    assert "숨길 말" in client.get(article.get_absolute_url()).content.decode()


def test_desk_bars_the_author_of_a_comment(client, editor, member, article, say):
    comment = say(article, member, "문제의 말")
    client.force_login(editor)
    client.post(
        reverse("admin:comments_comment_changelist"), {"action": "ban_authors", ACTION_CHECKBOX_NAME: [comment.pk]}
    )
    ban = CommentBan.objects.get()
    assert ban.user == member and ban.created_by == editor and ban.is_active
    client.force_login(member)
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": "다시 쓰는 말"})
    assert "댓글 작성이 제한된 회원입니다." in response.content.decode()


def test_desk_edits_the_banned_word_list_in_the_admin(client, editor, member, article):
    client.force_login(editor)
    response = client.post(reverse("admin:comments_bannedword_add"), {"word": "바보"})
    assert response.status_code == 302
    assert BannedWord.objects.get().word == "바보"
    client.force_login(member)
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": "바보"})
    assert "사용할 수 없는 말" in response.content.decode()
    client.force_login(editor)
    client.post(
        reverse("admin:comments_bannedword_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [BannedWord.objects.get().pk], "post": "yes"},
    )
    assert not BannedWord.objects.exists()
    client.force_login(member)
    assert client.post(reverse("comments:post", args=[article.pk]), {"text": "바보"}).status_code == 302


def test_the_desk_cannot_rewrite_or_delete_members_comments_in_the_admin(client, editor, member, article, say):
    comment = say(article, member, "회원의 말")
    client.force_login(editor)
    client.post(reverse("admin:comments_comment_change", args=[comment.pk]), {"text": "데스크가 바꾼 말"})
    comment.refresh_from_db()
    assert comment.text == "회원의 말"
    assert client.get(reverse("admin:comments_comment_delete", args=[comment.pk])).status_code == 403


def test_reporters_do_not_moderate(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("admin:comments_comment_changelist")).status_code == 403
    assert client.get(reverse("admin:comments_bannedword_changelist")).status_code == 403


def test_hidden_comment_cannot_be_reported(client, member, neighbour, article, say):
    comment = say(article, neighbour)
    services.comment_hide(comment=comment)
    client.force_login(member)
    assert "이미 삭제되었거나 숨겨진 댓글입니다." in report(client, comment).content.decode()
    assert Comment.objects.get().report_count == 0
