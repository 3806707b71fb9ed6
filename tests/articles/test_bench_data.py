"""`manage.py bench_data`: the generated archive is consistent, on SQLite (bulk_create) and PostgreSQL (COPY)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article
from comments.models import Comment

pytestmark = pytest.mark.django_db


def generate(**options):
    call_command("bench_data", **{"seed": 3, "stdout": open("/dev/null", "w"), **options})  # noqa: SIM115


def test_small_bench_set_has_photos_comments_tags_and_reporters():
    generate(articles=20, photo_share=1, comment_share=1, comments_per=(5, 5), tag_share=0.5, reporters=30)

    articles = Article.objects.all()
    assert articles.count() == 20
    assert all(article.photo and article.rendition("thumb") for article in articles)
    assert get_user_model().objects.filter(username__startswith="bench-reporter-", is_staff=True).count() == 30
    assert Article.tags.through.objects.exists()
    published = articles.filter(status=Article.Status.PUBLISHED)
    for article in published:
        comments = list(Comment.objects.filter(article=article))
        assert len(comments) == 5
        assert article.comment_count == sum(comment.status == Comment.Status.VISIBLE for comment in comments)
    assert not Comment.objects.exclude(article__in=published).exists()


def test_comment_paths_are_threaded_as_the_comments_app_stores_them():
    generate(articles=10, comment_share=1, comments_per=(30, 30), photo_share=0, tag_share=0)

    comments = {comment.pk: comment for comment in Comment.objects.all()}
    assert any(comment.parent_id for comment in comments.values())
    for comment in comments.values():
        expected = (comments[comment.parent_id].path if comment.parent_id else "") + comment.path_step()
        assert comment.path == expected
        assert comment.depth == len(comment.path) // 10 <= 5


def test_dates_spread_over_the_years_asked_for_and_never_in_the_future():
    generate(articles=50, years=3, comment_share=0, photo_share=0, tag_share=0)

    dates = list(Article.objects.values_list("published_at", flat=True))
    now = timezone.now()
    assert max(dates) <= now
    assert min(dates) >= now - datetime.timedelta(days=3 * 365 + 1)
    assert max(dates) - min(dates) > datetime.timedelta(days=2 * 365)
    assert Article.objects.filter(updated_at__gt=now - datetime.timedelta(days=1)).count() < 5


def test_a_second_run_adds_to_the_archive_and_is_searchable():
    generate(articles=5, comment_share=0, photo_share=0, tag_share=0)
    generate(articles=5, seed=4, comment_share=0, photo_share=0, tag_share=0)

    assert Article.objects.count() == 10
    article = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("-published_at").first()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_articletext")
            assert cursor.fetchone()[0] == 10
    # A new article after the load gets its id from the sequence the load moved on.
    created = Article.objects.create(section=article.section, reporter=article.reporter, title="새 기사")
    assert created.pk > max(Article.objects.exclude(pk=created.pk).values_list("pk", flat=True))
