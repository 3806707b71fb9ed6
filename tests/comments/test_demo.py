import io

import pytest
from django.db import models

from articles.models import Article
from comments import demo
from comments.models import BannedWord, Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_articles(make_article):
    return [make_article(title=title) for title in demo.CONVERSATIONS]


def test_demo_conversations_show_every_kind_of_comment_and_seed_once(client, demo_articles):
    demo.seed(io.StringIO())
    first = Comment.objects.count()
    demo.seed(io.StringIO())
    assert Comment.objects.count() == first
    assert BannedWord.objects.count() == len(demo.BANNED_WORDS)
    assert Comment.objects.filter(depth=5).exists()
    assert Comment.objects.filter(reply_to__isnull=False).exists()
    assert Comment.objects.filter(status=Comment.Status.HIDDEN).exists()
    assert Comment.objects.filter(status=Comment.Status.DELETED, replies__isnull=False).exists()
    assert Comment.objects.filter(edited_at__isnull=False).exists()
    assert Comment.objects.filter(report_count__gt=0, moderated_at__isnull=True).exists()
    for article in Article.objects.all():
        assert article.comment_count == article.comments.visible().count()
    page = client.get(demo_articles[1].get_absolute_url()).content.decode()
    assert "삭제된 댓글입니다." in page and "관리자에 의해 숨겨진 댓글입니다." in page


def test_demo_members_can_log_in_with_the_printed_password(django_user_model, demo_articles):
    demo.seed(io.StringIO())
    assert demo.PASSWORD in demo.logins()[0]
    members = django_user_model.objects.filter(username__in=[username for username, _ in demo.MEMBERS])
    assert sorted(member.display_name for member in members) == sorted(nickname for _, nickname in demo.MEMBERS)
    assert not any(member.is_staff for member in members)
    assert members.first().check_password(demo.PASSWORD)
    # they joined through signup, so their consents to the terms and the privacy policy are on record
    for member in members:
        assert {consent.kind for consent in member.consents.all()} == {"terms", "privacy"}


def test_demo_votes_make_best_comments_and_one_article_has_two_comment_pages(client, demo_articles, settings):
    from comments.models import CommentVote

    settings.COMMENT_BEST_MIN_LIKES = 5
    settings.COMMENT_THREADS_PER_PAGE = 50
    demo.seed(io.StringIO())
    for comment in Comment.objects.all():
        votes = CommentVote.objects.filter(comment=comment)
        assert comment.like_count == votes.filter(value=1).count()
        assert comment.dislike_count == votes.filter(value=-1).count()
    assert not CommentVote.objects.filter(member_id=models.F("comment__author_id")).exists()
    page = client.get(demo_articles[0].get_absolute_url()).content.decode()
    best = page.split('id="comments-best-title"')[1].split("</section>")[0]
    assert best.count("comments-best__item") == 3
    busy = next(article for article in demo_articles if article.title == demo.BUSY_ARTICLE)
    page = client.get(busy.get_absolute_url()).content.decode()
    assert f'href="{busy.get_absolute_url()}?cpage=2#comments"' in page
    assert len(set(Comment.objects.filter(article=busy).values_list("text", flat=True))) == busy.comments.count()
