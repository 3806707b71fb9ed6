import pytest
from django.urls import reverse

from comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_member_edits_own_comment_and_it_is_marked_edited(logged_in, member, article, say):
    comment = say(article, member, "처음 쓴 말")
    page = logged_in.get(reverse("comments:edit", args=[comment.pk])).content.decode()
    assert ">\n처음 쓴 말</textarea>" in page
    response = logged_in.post(reverse("comments:edit", args=[comment.pk]), {"text": "고쳐 쓴 말"})
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert "고쳐 쓴 말" in page
    assert "처음 쓴 말" not in page
    assert "수정됨" in page


def test_unedited_comment_is_not_marked_edited(client, member, article, say):
    say(article, member)
    assert "수정됨" not in client.get(article.get_absolute_url()).content.decode()


def test_member_cannot_edit_or_delete_someone_elses_comment(logged_in, neighbour, article, say):
    comment = say(article, neighbour, "이웃의 댓글")
    for name in ("edit", "delete"):
        url = reverse(f"comments:{name}", args=[comment.pk])
        assert logged_in.get(url).status_code == 404
        assert logged_in.post(url, {"text": "가로챈 글"}).status_code == 404
    comment.refresh_from_db()
    assert comment.text == "이웃의 댓글"


def test_links_to_edit_and_delete_appear_only_on_own_comments(logged_in, member, neighbour, article, say):
    mine = say(article, member, "내 댓글")
    theirs = say(article, neighbour, "이웃 댓글")
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert reverse("comments:edit", args=[mine.pk]) in page
    assert reverse("comments:edit", args=[theirs.pk]) not in page
    assert reverse("comments:report", args=[theirs.pk]) in page
    assert reverse("comments:report", args=[mine.pk]) not in page


def test_comment_without_replies_is_removed(logged_in, member, article, say):
    comment = say(article, member, "지울 댓글")
    assert "이 댓글을 삭제할까요?" in logged_in.get(reverse("comments:delete", args=[comment.pk])).content.decode()
    response = logged_in.post(reverse("comments:delete", args=[comment.pk]))
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    assert not Comment.objects.exists()
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert "등록된 댓글이 없습니다." in page
    assert "댓글을 삭제했습니다." in page


def test_comment_with_replies_becomes_a_placeholder_and_replies_stay(logged_in, member, neighbour, article, say):
    parent = say(article, member, "답글이 달린 댓글")
    reply = say(article, neighbour, "남아야 할 답글", parent=parent)
    logged_in.post(reverse("comments:delete", args=[parent.pk]))
    parent.refresh_from_db()
    assert parent.status == Comment.Status.DELETED
    assert parent.text == ""
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert "삭제된 댓글입니다." in page
    assert "답글이 달린 댓글" not in page
    assert "남아야 할 답글" in page
    assert page.index("삭제된 댓글입니다.") < page.index(f'id="comment-{reply.pk}"')
    article.refresh_from_db()
    assert article.comment_count == 1


def test_placeholder_goes_when_its_last_reply_is_deleted(client, member, neighbour, article, say):
    parent = say(article, member, "먼저 지운 댓글")
    reply = say(article, neighbour, "나중에 지운 답글", parent=parent)
    client.force_login(member)
    client.post(reverse("comments:delete", args=[parent.pk]))
    client.force_login(neighbour)
    client.post(reverse("comments:delete", args=[reply.pk]))
    assert not Comment.objects.exists()
    assert "등록된 댓글이 없습니다." in client.get(article.get_absolute_url()).content.decode()


def test_deleted_comment_cannot_be_edited(logged_in, member, neighbour, article, say):
    parent = say(article, member, "지운 뒤 고치려는 댓글")
    say(article, neighbour, "답글", parent=parent)
    logged_in.post(reverse("comments:delete", args=[parent.pk]))
    assert logged_in.post(reverse("comments:edit", args=[parent.pk]), {"text": "부활"}).status_code == 404


def test_a_withdrawn_members_comments_stay_under_the_withdrawn_label(client, member, neighbour, article, say):
    from accounts.services import member_withdraw

    say(article, member, "탈퇴 전에 남긴 말")
    say(article, neighbour, "이웃의 말")
    member_withdraw(user=member)
    section = client.get(article.get_absolute_url()).content.decode().split('id="comments"')[1].split("<footer")[0]
    assert "탈퇴 전에 남긴 말" in section and "이웃의 말" in section
    assert "탈퇴한 회원" in section and "파주주민" not in section
    assert "교하이웃" in section
