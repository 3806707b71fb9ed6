"""Search latency on a big archive: p50/p95 of the whole search page per kind of query.

    make bench-data ARTICLES=1000000 DATABASE_URL=postgres://…/fn_million   # once, ~10 min on a quiet machine
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fn_million \
        .venv/bin/python bench/search_bench.py [--repeat 20] [--indexing 200]

Uses the articles already in the database (see `manage.py bench_data`). Times
the real search page (/search/?q=…) through Django's test client, in both
orders (정확도순, 최신순): the count, the page of ids, the 15 rows, the template.
Prints p50/p95 per query, how many articles match, the plan of the search's
first window, and how long indexing one saved article takes (the trigger's work).
Never run as a test.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("APP_PAGE_CACHE", "false")  # every request renders (and carries its context)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from articles.models import Article  # noqa: E402
from search.query import FIRST_WINDOW, ArticleSearch, parse_terms  # noqa: E402

QUERIES = [
    ("common one word", "파주"),
    ("common two words", "파주시 예산"),
    ("2 syllables", "경제"),
    ("word + particle", "지역경제를"),
    ("phrase", '"마을버스 노선"'),
    ("5% marker", "도시재생"),
    ("rare (0.05%)", "꽃게탕"),
    ("reporter name", "김파주"),
    ("no match", "없는낱말입니다"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def plan(query):
    """The scans PostgreSQL chooses for the search's first window (the last FIRST_WINDOW of articles)."""
    search = ArticleSearch(parse_terms(query))
    where, params = search._where()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; "
            "SET LOCAL work_mem = '32MB'; SET LOCAL jit = off"
        )
        cursor.execute(
            f"EXPLAIN SELECT article_id FROM search_articletext WHERE {where} AND published_at > %s",  # noqa: S608 bench
            [*params, search.now - FIRST_WINDOW],
        )
        lines = [row[0].strip().split("  (")[0] for row in cursor.fetchall()]
    return " / ".join(line.removeprefix("-> ").strip() for line in lines if "Scan" in line or "BitmapAnd" in line)


def search_sql_ms(query, order):
    """Just the search's own SQL: the capped count and the first page of ids (no rows, no template)."""
    started = time.perf_counter()
    search = ArticleSearch(parse_terms(query), order=order)
    search.count()
    search._ids(0, settings.PAPER_PAGE_SIZE)
    return (time.perf_counter() - started) * 1000


def indexing_ms(samples):
    """Milliseconds the trigger's work takes per saved article (search_articletext_refresh), median."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM articles_article")
        (top,) = cursor.fetchone()
        timings = []
        for article_id in random.Random(3).sample(range(1, top + 1), samples):
            started = time.perf_counter()
            cursor.execute("SELECT search_articletext_refresh(%s)", [article_id])
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--indexing", type=int, default=200, help="articles to re-index for the per-article time")
    options = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to the database made by `manage.py bench_data`.")
    setup_test_environment()  # so responses carry their template context (the paginator)
    settings.ALLOWED_HOSTS = ["testserver"]
    postgresql = connection.vendor == "postgresql"
    total = Article.objects.count()
    print(f"{connection.vendor}, {total:,} articles, load average {os.getloadavg()[0]:.1f}")
    client = Client()
    header = f"{'query':<18} {'q':<16} {'matches':>8} {'order':<9} {'page p50':>8} {'p95':>5} {'SQL p50':>7} {'p95':>5}"
    print(header + ("  plan of the first window" if postgresql else ""))
    for label, query in QUERIES:
        for order in ("relevance", "latest"):
            timings, sql = [], []
            for _ in range(options.repeat + 1):
                started = time.perf_counter()
                response = client.get("/search/", {"q": query, "sort": order})
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
                sql.append(search_sql_ms(query, order))
            timings, sql = timings[1:], sql[1:]  # the first run warms caches
            paginator = response.context["paginator"]
            matches = f"{paginator.count:,}{'+' if response.context['capped'] else ''}"
            line = (
                f"{label:<18} {query:<16} {matches:>8} {order:<9} {statistics.median(timings):>8.0f} "
                f"{percentile(timings, 0.95):>5.0f} {statistics.median(sql):>7.0f} {percentile(sql, 0.95):>5.0f}"
            )
            if postgresql and order == "relevance":
                line += f"  {plan(query)}"
            print(line)
    if postgresql and options.indexing:
        median, p95 = indexing_ms(options.indexing)
        print(f"\nindexing one saved article: median {median:.1f} ms, p95 {p95:.1f} ms ({options.indexing} articles)")


if __name__ == "__main__":
    main()
