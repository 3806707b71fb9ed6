""" "댓글 N" equals the visible comments, also when many people write at the same moment."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from articles.models import Article
from comments import services
from comments.models import Comment


def visible(article):
    return Comment.objects.filter(article=article).visible().count()


def shown_count(article):
    article.refresh_from_db()
    return article.comment_count


@pytest.mark.django_db
def test_count_follows_posts_hides_and_deletes(client, member, neighbour, article, say):
    first = say(article, member, "하나")
    reply = say(article, neighbour, "둘", parent=first)
    third = say(article, neighbour, "셋")
    assert shown_count(article) == 3
    services.comment_hide(comment=third)
    assert shown_count(article) == 2
    services.comment_hide(comment=third)  # hiding twice changes nothing
    assert shown_count(article) == 2
    services.comment_delete(comment=first, author=member)  # kept as a placeholder for its reply
    assert shown_count(article) == 1
    services.comment_delete(comment=reply, author=neighbour)
    assert shown_count(article) == 0
    services.comment_unhide(comment=third)
    assert shown_count(article) == visible(article) == 1


@pytest.mark.django_db
def test_section_list_shows_the_same_count(client, member, article, say):
    say(article, member)
    page = client.get(reverse("articles:section", args=["news", "paju"])).content.decode()
    assert "<span>댓글 1</span>" in page


def wait_for_lock(job):
    """On SQLite, run the job again while another thread holds the write lock.

    The in-memory test database shares one cache between threads, and there a second writer
    fails at once ("database table is locked") instead of waiting as it does on a database file
    (the busy timeout). Each service call starts with its lock, so trying again is that wait.
    """
    for _ in range(500):
        try:
            return job()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.01)
    raise AssertionError("the write lock was never released")


def run_together(*jobs):
    """Run each job in its own thread and database connection, all released at the same moment."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            wait_for_lock(job)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@concurrent
def test_comments_posted_at_the_same_time_are_all_counted(django_user_model, make_article):
    article = make_article()
    members = [django_user_model.objects.create_user(username=f"m{n}", nickname=f"동시{n}") for n in range(8)]

    def poster(author):
        return lambda: services.comment_create(article=article, author=author, text=f"{author.nickname}의 댓글")

    assert run_together(*(poster(author) for author in members)) == []
    assert Comment.objects.count() == 8
    assert shown_count(article) == visible(article) == 8


@concurrent
def test_count_stays_right_when_posts_hides_and_deletes_race(django_user_model, make_article):
    article = make_article()
    people = [django_user_model.objects.create_user(username=f"p{n}", nickname=f"주민{n}") for n in range(10)]
    existing = [services.comment_create(article=article, author=person, text="먼저 쓴 댓글") for person in people[:6]]
    Comment.objects.update(created_at=Comment.objects.first().created_at.replace(year=2020))
    jobs = [
        lambda person=person: services.comment_create(article=article, author=person, text="새 댓글")
        for person in people[6:]
    ]
    jobs += [lambda comment=comment: services.comment_hide(comment=comment) for comment in existing[:3]]
    jobs += [
        lambda comment=comment: services.comment_delete(comment=comment, author=comment.author)
        for comment in existing[3:5]
    ]
    assert run_together(*jobs) == []
    assert visible(article) == 4 + 1
    assert shown_count(article) == 5


@concurrent
def test_a_double_click_posts_once_even_when_both_requests_race(member, make_article):
    article = make_article()

    def submit():
        services.comment_create(article=article, author=member, text="한 번만", token="b" * 32)

    assert run_together(submit, submit, submit) == []
    assert Comment.objects.count() == 1
    assert shown_count(article) == 1


@concurrent
def test_one_member_cannot_beat_the_thirty_second_rule_by_posting_in_parallel(member, make_article):
    articles = [make_article() for _ in range(3)]
    jobs = [lambda a=a: services.comment_create(article=a, author=member, text="동시에 여러 기사") for a in articles]
    errors = run_together(*jobs)
    assert Comment.objects.count() == 1
    assert len(errors) == 2
    assert all("30초" in str(error) for error in errors)
    assert sum(shown_count(a) for a in Article.objects.filter(pk__in=[a.pk for a in articles])) == 1
