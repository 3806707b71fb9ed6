"""공감/비공감: one vote per member and comment, changed or withdrawn by clicking, counts kept on the comment."""

import pytest
from django.test import Client
from django.urls import reverse

from comments import services
from comments.models import Comment, CommentVote
from lib import pagecache

from .test_counts import concurrent, run_together

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def theirs(article, neighbour, say):
    return say(article, neighbour, "이웃이 쓴 댓글")


def vote(client, comment, value, **extra):
    return client.post(reverse("comments:vote", args=[comment.pk]), {"value": value, **extra.pop("data", {})}, **extra)


def counts(comment):
    comment.refresh_from_db()
    return comment.like_count, comment.dislike_count


def test_like_then_switch_then_withdraw(logged_in, member, theirs):
    assert vote(logged_in, theirs, "like", **JSON).json() == {"likes": 1, "dislikes": 0, "vote": "like"}
    assert counts(theirs) == (1, 0)
    assert vote(logged_in, theirs, "dislike", **JSON).json() == {"likes": 0, "dislikes": 1, "vote": "dislike"}
    assert CommentVote.objects.get().value == CommentVote.Value.DISLIKE
    assert vote(logged_in, theirs, "dislike", **JSON).json() == {"likes": 0, "dislikes": 0, "vote": None}
    assert not CommentVote.objects.exists()
    assert counts(theirs) == (0, 0)


def test_counts_add_up_over_members(client, django_user_model, theirs):
    for number, value in enumerate(["like", "like", "dislike", "like"]):
        client.force_login(django_user_model.objects.create_user(username=f"voter{number}", nickname=f"투표{number}"))
        vote(client, theirs, value)
    assert counts(theirs) == (3, 1)
    assert CommentVote.objects.filter(comment=theirs).count() == 4


def test_without_javascript_the_vote_comes_back_to_the_comment_on_the_same_page(logged_in, article, theirs):
    here = f"{article.get_absolute_url()}?sort=likes"
    response = vote(logged_in, theirs, "like", data={"next": here})
    assert response.status_code == 302
    assert response["Location"] == f"{here}#comment-{theirs.pk}"
    assert counts(theirs) == (1, 0)


def test_a_foreign_next_address_is_not_followed(logged_in, article, theirs):
    response = vote(logged_in, theirs, "like", data={"next": "https://evil.example/"})
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{theirs.pk}"


def test_own_comment_cannot_be_voted_on(logged_in, member, article, say):
    mine = say(article, member, "내가 쓴 댓글")
    response = vote(logged_in, mine, "like", **JSON)
    assert response.status_code == 400
    assert response.json()["error"] == "자신의 댓글에는 공감하거나 비공감할 수 없습니다."
    page = logged_in.get(article.get_absolute_url()).content.decode()
    assert f'formaction="{reverse("comments:vote", args=[mine.pk])}"' not in page
    assert counts(mine) == (0, 0)


def test_without_javascript_a_refusal_is_a_message_on_the_article(logged_in, member, article, say):
    mine = say(article, member, "내가 쓴 댓글")
    response = vote(logged_in, mine, "like", follow=True)
    assert "자신의 댓글에는 공감하거나 비공감할 수 없습니다." in response.content.decode()


@pytest.mark.parametrize("hide", [services.comment_hide, "deleted"])
def test_hidden_or_deleted_comments_cannot_be_voted_on(logged_in, neighbour, article, theirs, say, hide):
    say(article, neighbour, "답글", parent=theirs)  # keeps a deleted comment as a placeholder
    if hide == "deleted":
        services.comment_delete(comment=theirs, author=neighbour)
    else:
        hide(comment=theirs)
    response = vote(logged_in, theirs, "like", **JSON)
    assert response.status_code == 400
    assert "삭제되었거나 숨겨진 댓글" in response.json()["error"]
    assert counts(theirs) == (0, 0)


def test_a_value_other_than_like_or_dislike_is_refused(logged_in, theirs):
    assert vote(logged_in, theirs, "love", **JSON).status_code == 400
    assert not CommentVote.objects.exists()


def test_a_guest_is_led_to_the_login_and_back_to_the_comment(client, article, theirs):
    response = vote(client, theirs, "like")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/comments/{theirs.pk}/"
    assert not CommentVote.objects.exists()
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/accounts/login/?next=%2Fcomments%2F{theirs.pk}%2F"' in page
    assert "<button" not in page.split('id="comments"')[1]


def test_the_vote_needs_the_csrf_token(member, theirs):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert vote(client, theirs, "like").status_code == 403
    assert not CommentVote.objects.exists()


def test_votes_are_rate_limited_per_member(logged_in, settings, theirs):
    settings.COMMENT_VOTES_PER_MINUTE = 3
    for value in ("like", "like", "dislike"):
        assert vote(logged_in, theirs, value, **JSON).status_code == 200
    response = vote(logged_in, theirs, "like", **JSON)
    assert response.status_code == 429
    assert "너무 자주" in response.json()["error"]
    assert counts(theirs) == (0, 1)


def test_a_vote_does_not_move_the_page_cache_generation(logged_in, theirs):
    before = pagecache.current().generation
    vote(logged_in, theirs, "like")
    vote(logged_in, theirs, "dislike")
    assert pagecache.current().generation == before


def test_the_members_own_votes_show_as_pressed_buttons(logged_in, member, neighbour, article, theirs, say):
    other = say(article, neighbour, "또 다른 댓글")
    vote(logged_in, theirs, "like")
    vote(logged_in, other, "dislike")
    page = logged_in.get(article.get_absolute_url()).content.decode()

    def buttons(comment):
        return page.split(f'id="comment-{comment.pk}"')[1].split("</article>")[0]

    assert 'value="like" aria-pressed="true"' in buttons(theirs)
    assert 'value="dislike" aria-pressed="false"' in buttons(theirs)
    assert 'value="dislike" aria-pressed="true"' in buttons(other)
    assert 'data-count="like">1<' in buttons(theirs)
    assert 'id="comment-vote-form"' in page and 'name="csrfmiddlewaretoken"' in page


def test_an_erased_members_vote_stays_counted_without_a_name(logged_in, member, theirs):
    vote(logged_in, theirs, "like")
    member.delete()
    assert counts(theirs) == (1, 0)
    assert CommentVote.objects.get().member is None


def test_only_one_vote_row_per_member_and_comment(member, theirs):
    services.comment_vote(comment=theirs, member=member, value=1)
    services.comment_vote(comment=theirs, member=member, value=-1)
    assert CommentVote.objects.filter(comment=theirs, member=member).count() == 1
    assert Comment.objects.filter(pk=theirs.pk).values_list("like_count", "dislike_count").get() == (0, 1)


@concurrent
def test_votes_cast_at_the_same_moment_are_all_counted(django_user_model, make_article, neighbour):
    comment = services.comment_create(article=make_article(), author=neighbour, text="모두가 동시에 누르는 댓글")
    voters = [django_user_model.objects.create_user(username=f"v{n}", nickname=f"동시{n}") for n in range(8)]
    jobs = [
        lambda voter=voter, n=n: services.comment_vote(comment=comment, member=voter, value=1 if n % 4 else -1)
        for n, voter in enumerate(voters)
    ]
    # A ninth member's double click races too: whichever request runs second withdraws the first.
    clicker = django_user_model.objects.create_user(username="clicker", nickname="두번누름")
    jobs += [lambda: services.comment_vote(comment=comment, member=clicker, value=1)] * 2
    assert run_together(*jobs) == []
    rows = CommentVote.objects.filter(comment=comment)
    assert counts(comment) == (rows.filter(value=1).count(), rows.filter(value=-1).count()) == (6, 2)
    assert not rows.filter(member=clicker).exists()
