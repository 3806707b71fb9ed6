"""The rules hold on the server, whatever the browser sends."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import BannedWord, Comment, CommentBan

pytestmark = pytest.mark.django_db


def post(client, article, text, parent="", token=""):
    return client.post(reverse("comments:post", args=[article.pk]), {"text": text, "parent": parent, "token": token})


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_empty_comment_is_refused_with_a_message(logged_in, article):
    response = post(logged_in, article, "   \r\n  ")
    assert response.status_code == 200
    assert "댓글 내용을 입력하세요." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_thousand_characters_fit_and_line_breaks_count_once(logged_in, article):
    text = ("가" * 499 + "\r\n") * 2  # 1,000 characters once CRLF is one line break
    assert post(logged_in, article, text.strip() + "나").status_code == 302
    assert len(Comment.objects.get().text) == 1000


def test_a_thousand_and_one_characters_are_refused_and_the_text_is_kept(logged_in, article):
    text = "다" * 1001
    response = post(logged_in, article, text)
    page = response.content.decode()
    assert "댓글은 1,000자까지 쓸 수 있습니다 (지금 1,001자)." in page
    assert f">\n{text}</textarea>" in page  # Django's textarea starts with a line break browsers drop
    assert not Comment.objects.exists()


def test_second_comment_within_thirty_seconds_is_refused_and_kept(logged_in, member, make_article, article):
    assert post(logged_in, article, "첫 댓글").status_code == 302
    other_article = make_article()
    response = post(logged_in, other_article, "바로 이어 쓴 댓글")
    page = response.content.decode()
    assert "댓글은 30초에 한 번 쓸 수 있습니다." in page
    assert "바로 이어 쓴 댓글</textarea>" in page
    assert Comment.objects.count() == 1
    Comment.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=31))
    assert post(logged_in, other_article, "30초 뒤에 쓴 댓글").status_code == 302
    assert Comment.objects.count() == 2


def test_posting_the_same_form_twice_posts_once(logged_in, article):
    first = post(logged_in, article, "두 번 누른 댓글", token="a" * 32)
    second = post(logged_in, article, "두 번 누른 댓글", token="a" * 32)
    comment = Comment.objects.get()
    assert first["Location"] == second["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"


def test_each_form_shown_carries_its_own_token(logged_in, article):
    first = logged_in.get(article.get_absolute_url()).content.decode()
    second = logged_in.get(article.get_absolute_url()).content.decode()
    token = first.split('name="token" value="')[1][:32]
    assert len(token) == 32
    assert token not in second


def test_past_the_address_limit_the_form_asks_for_the_captcha_and_keeps_the_text(
    client, django_user_model, article, settings
):
    settings.COMMENT_ADDRESS_LIMIT = 2
    for number in range(3):
        user = django_user_model.objects.create_user(username=f"user{number}", nickname=f"주민{number}")
        client.force_login(user)
        response = post(client, article, f"{number}번째 주민의 댓글")
    assert response.status_code == 200
    page = response.content.decode()
    assert "이 네트워크에서 댓글이 많이 등록되었습니다. 아래 자동등록방지 숫자를 입력하면 댓글이 등록됩니다." in page
    assert 'name="captcha_1"' in page
    assert "2번째 주민의 댓글</textarea>" in page
    assert Comment.objects.count() == 2
    # The member's article page now shows the captcha in the comment form itself.
    assert 'name="captcha_1"' in client.get(article.get_absolute_url()).content.decode()


def captcha_answer(client, article):
    """Ask the article page for a challenge key, load its image (which makes the challenge) and read the digits."""
    from captcha.models import CaptchaStore

    page = client.get(article.get_absolute_url()).content.decode()
    key = page.split('name="captcha_0" value="')[1].split('"')[0]
    assert client.get(reverse("captcha-image", args=[key])).status_code == 200
    return key, CaptchaStore.objects.get(hashkey=key).response


def test_a_right_captcha_lets_the_comment_through(client, member, article, settings):
    settings.COMMENT_ADDRESS_LIMIT = 0
    client.force_login(member)
    key, digits = captcha_answer(client, article)
    response = client.post(
        reverse("comments:post", args=[article.pk]),
        {"text": "숫자를 넣고 쓴 댓글", "captcha_0": key, "captcha_1": digits},
    )
    assert response.status_code == 302
    assert Comment.objects.get().text == "숫자를 넣고 쓴 댓글"


def test_a_wrong_captcha_is_refused_next_to_the_field_with_a_new_challenge(client, member, article, settings):
    settings.COMMENT_ADDRESS_LIMIT = 0
    client.force_login(member)
    key, digits = captcha_answer(client, article)
    wrong = "000000" if digits != "000000" else "111111"
    response = client.post(
        reverse("comments:post", args=[article.pk]), {"text": "틀린 숫자와 댓글", "captcha_0": key, "captcha_1": wrong}
    )
    page = response.content.decode()
    assert "자동등록방지 숫자가 틀렸습니다." in page
    assert "틀린 숫자와 댓글</textarea>" in page
    assert f'value="{key}"' not in page  # a used challenge is never offered again
    assert not Comment.objects.exists()


def test_refused_attempts_do_not_count_toward_the_address_limit(client, django_user_model, article, settings):
    settings.COMMENT_ADDRESS_LIMIT = 1
    BannedWord.objects.create(word="바보")
    client.force_login(django_user_model.objects.create_user(username="user0", nickname="주민0"))
    for _ in range(3):
        assert "사용할 수 없는 말" in post(client, article, "바보 같은 댓글").content.decode()
    client.force_login(django_user_model.objects.create_user(username="user1", nickname="주민1"))
    assert post(client, article, "받아들여진 첫 댓글").status_code == 302
    client.force_login(django_user_model.objects.create_user(username="user2", nickname="주민2"))
    assert "자동등록방지" in post(client, article, "한도를 넘은 댓글").content.decode()
    assert Comment.objects.count() == 1


def test_behind_the_proxy_the_limit_counts_each_forwarded_address(client, django_user_model, article, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.COMMENT_ADDRESS_LIMIT = 1
    for number, address in enumerate(["198.51.100.1", "198.51.100.2", "198.51.100.2"]):
        client.force_login(django_user_model.objects.create_user(username=f"user{number}", nickname=f"주민{number}"))
        response = client.post(
            reverse("comments:post", args=[article.pk]),
            {"text": f"{number}번째 댓글"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.9, {address}",
        )
    assert "자동등록방지" in response.content.decode()
    assert Comment.objects.count() == 2


def test_a_member_may_post_only_so_many_comments_an_hour(logged_in, member, article, settings):
    settings.COMMENT_MEMBER_HOURLY_LIMIT = 3
    now = timezone.now()
    for minutes in (50, 40, 30):
        Comment.objects.create(
            article=article, author=member, text="앞서 쓴 댓글", created_at=now - datetime.timedelta(minutes=minutes)
        )
    response = post(logged_in, article, "한 시간에 네 번째 댓글")
    page = response.content.decode()
    assert "댓글은 한 시간에 3개까지 쓸 수 있습니다. 10분 뒤에 다시 등록하세요." in page
    assert "한 시간에 네 번째 댓글</textarea>" in page
    assert Comment.objects.count() == 3
    Comment.objects.filter(created_at__lt=now - datetime.timedelta(minutes=45)).update(
        created_at=now - datetime.timedelta(minutes=61)
    )
    assert post(logged_in, article, "한 시간이 지나 쓴 댓글").status_code == 302


@pytest.mark.parametrize("text", ["정말 바보 같은 기사", "정말 바 보 같은", "BAKA baka", "ｂａｋａ", "b.a.k.a"])
def test_banned_words_are_refused_on_the_server(logged_in, article, text):
    BannedWord.objects.create(word="바보")
    BannedWord.objects.create(word="baka")
    response = post(logged_in, article, text)
    assert "사용할 수 없는 말" in response.content.decode()
    assert not Comment.objects.exists()


def test_banned_word_added_in_the_admin_applies_at_once(logged_in, article):
    assert post(logged_in, article, "멍청이 같은 소리").status_code == 302
    BannedWord.objects.create(word="멍청이")
    Comment.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=1))
    assert post(logged_in, article, "또 멍청이").status_code == 200
    assert Comment.objects.count() == 1


def test_banned_word_cannot_be_added_by_editing(logged_in, member, article, say):
    comment = say(article, member, "평범한 댓글")
    BannedWord.objects.create(word="바보")
    response = logged_in.post(reverse("comments:edit", args=[comment.pk]), {"text": "바보"})
    assert "사용할 수 없는 말" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "평범한 댓글"


def test_barred_member_sees_a_notice_and_cannot_post_by_hand(logged_in, member, editor, article):
    services.comment_ban(user=member, moderator=editor, reason="욕설")
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert "댓글 작성이 제한된 회원입니다." in page
    assert "<textarea" not in page
    response = post(logged_in, article, "제한을 넘어 쓰는 댓글")
    assert "댓글 작성이 제한된 회원입니다." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_ban_with_an_end_date_ends(logged_in, member, editor, article):
    services.comment_ban(user=member, moderator=editor, until=timezone.now() - datetime.timedelta(minutes=1))
    assert CommentBan.objects.exists()
    assert post(logged_in, article, "기한이 지난 뒤 댓글").status_code == 302


def test_replies_to_hidden_comments_are_refused(logged_in, neighbour, article, say):
    hidden = say(article, neighbour, "숨겨질 댓글")
    services.comment_hide(comment=hidden)
    response = post(logged_in, article, "숨긴 댓글에 답글", parent=hidden.pk)
    assert "삭제되었거나 숨겨진 댓글에는 답글을 달 수 없습니다." in response.content.decode()
    assert Comment.objects.count() == 1


def test_reply_to_a_comment_of_another_article_is_refused(logged_in, neighbour, make_article, article, say):
    elsewhere = say(make_article(), neighbour, "다른 기사 댓글")
    response = post(logged_in, article, "엉뚱한 답글", parent=elsewhere.pk)
    assert "답글을 달 댓글을 찾을 수 없습니다." in response.content.decode()
    assert Comment.objects.count() == 1


def test_reply_page_works_without_javascript(logged_in, neighbour, article, say):
    parent = say(article, neighbour, "답글을 기다리는 댓글")
    page = logged_in.get(reverse("comments:reply", args=[parent.pk])).content.decode()
    assert "<h1" in page and "답글 쓰기" in page
    assert "답글을 기다리는 댓글" in page
    assert f'name="parent" value="{parent.pk}"' in page
