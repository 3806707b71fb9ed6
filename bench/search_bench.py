"""Search latency on 100,000 articles on PostgreSQL (or, to compare, fewer on SQLite).

    createdb -h 127.0.0.1 -U postgres firstnews_search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/firstnews_search_bench \
        .venv/bin/python bench/search_bench.py [--articles 100000] [--repeat 5]

Migrates the database, fills it with generated articles (bodies built from
the demo articles' sentences, in random order, plus marker words of known
frequency), then times the real search page (/search/?q=...) through
Django's test client: the count, the page of ids and the rows, rendered.
Prints the median and worst time per query and the plan PostgreSQL chose.
Never run as a test; takes a few minutes the first time (loading + index).
"""

import argparse
import datetime
import json
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

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Group, Section  # noqa: E402
from search.query import parse_terms, search_articles  # noqa: E402

# marker words and the share of articles that carry them
MARKERS = {"꽃게탕": 0.001, "청보리밭": 0.01, "도시재생": 0.05}
QUERIES = [
    ("2 syllables, common", "경제"),
    ("2 syllables, rare", "꽃게"),
    ("3 syllables, rare", "꽃게탕"),
    ("4 syllables, 1%", "청보리밭"),
    ("4 syllables, 5%", "도시재생"),
    ("two words", "파주시 예산"),
    ("phrase", '"마을버스 노선"'),
    ("mixed Korean/number", "12분"),
    ("no match", "없는낱말입니다"),
]


def sentences():
    found = []
    for path in sorted((ROOT / "articles" / "demo_content").glob("*.json")):
        for item in json.loads(path.read_text()):
            found.extend(item.get("paragraphs", []))
            found.append(item["title"])
    return found


def fill(total, rng):
    existing = Article.objects.count()
    if existing >= total:
        print(f"{existing} articles already present")
        return
    reporter, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "last_name": "벤", "first_name": "치"}
    )
    sections = list(Section.objects.filter(group__kind=Group.Kind.ARTICLES))
    corpus = sentences()
    now = timezone.now()
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as cursor:
            # Loading is much faster without the indexes; they are rebuilt (and timed) below.
            cursor.execute("DROP INDEX IF EXISTS search_articletext_trgm")
            cursor.execute("DROP INDEX IF EXISTS search_articletext_bigrams")
    started = time.perf_counter()
    batch = []
    for number in range(existing, total):
        paragraphs = rng.sample(corpus, 6)
        for word, share in MARKERS.items():
            if rng.random() < share:
                paragraphs[rng.randrange(len(paragraphs))] += f" {word} 관련 소식이다."
        batch.append(
            Article(
                section=sections[number % len(sections)],
                title=f"{rng.choice(corpus)[:60]} ({number})",
                summary=paragraphs[0][:200],
                body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
                reporter=reporter,
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=number * 5),
            )
        )
        if len(batch) == 5000:
            Article.objects.bulk_create(batch)
            batch = []
            print(f"  {number + 1} articles", end="\r", flush=True)
    Article.objects.bulk_create(batch)
    print(f"loaded {total - existing} articles in {time.perf_counter() - started:.0f} s")
    if postgresql:
        build_indexes()


def build_indexes():
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX search_articletext_trgm ON search_articletext USING gin (document gin_trgm_ops)")
    print(f"built the trigram index in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX search_articletext_bigrams ON search_articletext USING gin (bigrams)")
        cursor.execute("ANALYZE articles_article")
        cursor.execute("ANALYZE search_articletext")
    print(f"built the bigram index in {time.perf_counter() - started:.0f} s")


def plan(term):
    """How PostgreSQL finds the matches of one term (the scans in EXPLAIN); SQLite always scans."""
    if connection.vendor != "postgresql":
        return "scan with search_document()"
    sql, params = search_articles(Article.objects.all(), [term]).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        lines = [row[0].strip().split("  (")[0] for row in cursor.fetchall()]
        return " / ".join(line for line in lines if "Scan" in line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a database made for this benchmark (PostgreSQL, or SQLite to compare).")
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()")
            collate, ctype = cursor.fetchone()
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        print(f"PostgreSQL {version}, LC_COLLATE={collate}, LC_CTYPE={ctype}")
    else:
        print(f"{connection.vendor} {connection.Database.sqlite_version}")
    fill(options.articles, random.Random(8))
    print(f"{Article.objects.published().count()} published articles\n")
    client = Client()
    print(f"{'query':<28} {'q':<16} {'matches':>8} {'median ms':>10} {'worst ms':>9}  plan")
    for label, query in QUERIES:
        timings = []
        for _ in range(options.repeat + 1):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings = timings[1:]  # the first run warms caches
        terms = parse_terms(query)
        matches = search_articles(Article.objects.published(), terms).count()
        term = terms[0]
        print(
            f"{label:<28} {query:<16} {matches:>8} {statistics.median(timings):>10.0f} {max(timings):>9.0f}  {plan(term)}"
        )


if __name__ == "__main__":
    main()
