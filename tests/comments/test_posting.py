import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment

pytestmark = pytest.mark.django_db


def post(client, article, text, parent=None, token=""):
    data = {"text": text, "parent": parent.pk if parent else "", "token": token}
    return client.post(reverse("comments:post", args=[article.pk]), data)


def test_guest_sees_empty_list_and_login_prompt_returning_to_comments(client, article):
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert '댓글 <span class="comments__count">0</span>' in page
    assert "등록된 댓글이 없습니다." in page
    assert "로그인 후 댓글을 작성할 수 있습니다." in page
    assert f"?next=%2Farticle%2F{article.pk}%2F%23comments" in page
    assert "<textarea" not in page
    assert "csrfmiddlewaretoken" not in page
    assert not response.cookies


def test_member_sees_a_form_with_csrf_token(client, member, article):
    client.force_login(member)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'action="/comments/article/{article.pk}/"' in page
    assert "csrfmiddlewaretoken" in page
    assert "로그인 후 댓글을 작성할 수 있습니다." not in page


def test_member_posts_and_lands_on_the_new_comment(client, member, article):
    client.force_login(member)
    response = post(client, article, "첫 줄\r\n둘째 줄 <b>굵게</b>")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/article/{article.pk}/#comment-{comment.pk}"
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'id="comment-{comment.pk}"' in page
    assert "파주주민" in page
    assert "첫 줄<br>둘째 줄 &lt;b&gt;굵게&lt;/b&gt;" in page
    assert timezone.localtime(comment.created_at).strftime("%Y.%m.%d %H:%M") in page
    article.refresh_from_db()
    assert article.comment_count == 1
    assert "<li>댓글 1</li>" in page


def test_time_is_shown_in_korean_time(client, member, article, say):
    comment = say(article, member)
    Comment.objects.filter(pk=comment.pk).update(created_at=datetime.datetime(2026, 3, 1, 15, 5, tzinfo=datetime.UTC))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "2026.03.02 00:05" in page


def test_guest_cannot_post(client, article):
    response = post(client, article, "손님 댓글")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_comments_are_closed_on_articles_readers_cannot_see(client, member, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(member)
    assert post(client, draft, "미리 쓰는 댓글").status_code == 404
    assert not Comment.objects.exists()


def test_replies_nest_five_levels_and_a_sixth_joins_the_fifth_level(client, member, neighbour, article, say):
    chain = [say(article, member, "1단계")]
    for level in range(2, 6):
        chain.append(say(article, neighbour if level % 2 == 0 else member, f"{level}단계", parent=chain[-1]))
    assert [c.depth for c in chain] == [1, 2, 3, 4, 5]
    deeper = say(article, neighbour, "5단계에 단 답글", parent=chain[-1])
    assert deeper.depth == 5
    assert deeper.parent == chain[3]
    assert deeper.reply_to == chain[4]
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('class="comments__replies"') == 4
    assert "@파주주민</span> 5단계에 단 답글" in page


def test_order_is_by_thread_oldest_first_then_by_reply_path(client, member, neighbour, article, say):
    first = say(article, member, "첫 글")
    second = say(article, neighbour, "둘째 글")
    first_reply = say(article, neighbour, "첫 글의 답글", parent=first)
    say(article, member, "첫 글 답글의 답글", parent=first_reply)
    say(article, neighbour, "첫 글의 두 번째 답글", parent=first)
    say(article, member, "둘째 글의 답글", parent=second)
    page = client.get(article.get_absolute_url()).content.decode()
    expected = ["첫 글", "첫 글의 답글", "첫 글 답글의 답글", "첫 글의 두 번째 답글", "둘째 글", "둘째 글의 답글"]
    positions = [page.index(f">{text}</p>") for text in expected]
    assert positions == sorted(positions)
