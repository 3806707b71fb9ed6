"""Time the article page with 0 and 500 comments (100 threads, 5 levels), for a guest and a member.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/comments_page.py

Everything it writes is rolled back at the end. Prints queries and the median of 20 renders.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
os.environ.setdefault("STATIC_MANIFEST", "false")  # no collectstatic needed

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Section  # noqa: E402
from comments.models import MAX_DEPTH, Comment  # noqa: E402


def fill(article, authors, roots=100):
    parents = [None] * roots
    for depth in range(1, MAX_DEPTH + 1):
        made = Comment.objects.bulk_create(
            Comment(article=article, author=authors[n % len(authors)], parent=p, depth=depth, text=f"댓글 {n}\n둘째 줄")
            for n, p in enumerate(parents)
        )
        for comment, parent in zip(made, parents, strict=True):
            comment.path = (parent.path if parent else "") + comment.path_step()
        Comment.objects.bulk_update(made, ["path"])
        parents = made


def measure(client, url, runs=20):
    client.get(url)
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), statistics.median(times)


def main():
    User = get_user_model()
    with transaction.atomic():
        reporter = User.objects.create_user(username="bench_reporter", is_staff=True, last_name="벤", first_name="치")
        members = [User.objects.create_user(username=f"bench_member{n}", nickname=f"벤치{n}") for n in range(5)]
        section = Section.objects.get(slug="paju")
        empty, busy = (
            Article.objects.create(
                section=section, title=title, reporter=reporter, status="published", published_at=timezone.now()
            )
            for title in ("댓글 없는 기사", "댓글 500개 기사")
        )
        fill(busy, members)
        member_client = Client(HTTP_HOST="127.0.0.1")
        member_client.force_login(members[0])
        for who, client in (("guest", Client(HTTP_HOST="127.0.0.1")), ("member", member_client)):
            for article in (empty, busy):
                queries, ms = measure(client, article.get_absolute_url())
                print(f"{who:6} {article.comments.count():3} comments: {queries} queries, median {ms:.1f} ms")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
