"""What counting visitors costs, and proof that it stays exact under load.

    .venv/bin/python bench/visitor_counting.py                 # temp SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/firstnews_bench REDIS_URL=redis://127.0.0.1:6379/9 \
        .venv/bin/python bench/visitor_counting.py --browsers 300

Part 1 (in process, Django's test client): time and database queries of one
beacon hit for a new visitor (writes the visit, the article view and the
online mark), for a repeat hit the same day (cache only), and of the footer
figures on a page. Part 2: two gunicorn servers (3 + 2 workers) on the same
database get --browsers distinct browsers reading pages concurrently plus a
crawler; the footer and the database must show exactly that many.
The visitor tables of the database given by DATABASE_URL are emptied: never
point it at real data.
"""

import argparse
import concurrent.futures
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def setup_django(tmp):
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    os.environ.update(
        SECRET_KEY="bench-secret-key-not-for-production-0123456789abcdefghij",  # noqa: S106 a throwaway key for the bench
        VAR_DIR=str(tmp),
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_MANIFEST="false",
        CACHE_KEY_PREFIX=f"bench-{os.getpid()}",
        VISITORS_NEW_PER_ADDRESS="100000",  # every simulated browser comes from 127.0.0.1
        DJANGO_SETTINGS_MODULE="firstnews.settings",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    cache.clear()


def make_articles():
    from django.contrib.auth import get_user_model

    from articles.models import Article, Section
    from visitors.models import ArticleDailyViews, ArticleView, DailyVisits, OnlineVisitor, Visit

    for model in (Visit, DailyVisits, ArticleView, ArticleDailyViews, OnlineVisitor):
        model.objects.all().delete()
    reporter, _ = get_user_model().objects.get_or_create(username="bench-reporter", defaults={"is_staff": True})
    section = Section.objects.get(slug="paju")
    return [
        Article.objects.get_or_create(
            section=section, title=f"벤치 기사 {n}", defaults={"reporter": reporter, "status": "published"}
        )[0]
        for n in range(20)
    ]


def timed(label, runs, action):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations, queries = [], []
    for n in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            action(n)
            durations.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
    durations.sort()
    print(
        f"  {label:<44} median {statistics.median(durations):6.2f} ms"
        f"  p95 {durations[int(len(durations) * 0.95) - 1]:6.2f} ms  queries {statistics.median(queries):g}"
    )


def part_one(runs):
    from django.test import Client

    from visitors.stats import figures

    articles = make_articles()
    print(f"Part 1: cost per request, {runs} runs each ({os.environ['DATABASE_URL'].split(':')[0]})")
    browsers = [Client(HTTP_USER_AGENT=CHROME) for _ in range(runs)]
    timed("beacon, new visitor reading an article", runs, lambda n: browsers[n].post("/v/", {"a": articles[0].pk}))
    timed("beacon, same visitor again the same day", runs, lambda n: browsers[n].post("/v/", {"a": articles[0].pk}))
    timed("beacon, same visitor, another article", runs, lambda n: browsers[n].post("/v/", {"a": articles[1].pk}))
    timed("beacon, crawler", runs, lambda n: Client(HTTP_USER_AGENT=GOOGLEBOT).post("/v/"))
    timed("footer figures (stats.figures, read by the footer_status tag)", runs, lambda n: figures())
    reader = Client(HTTP_USER_AGENT=CHROME)
    timed("whole article page (for scale)", runs, lambda n: reader.get(articles[n % 20].get_absolute_url()))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    def __init__(self, user_agent=CHROME):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.opener.addheaders = [("User-Agent", user_agent)]

    def read(self, server, path):
        with self.opener.open(server + path, timeout=60) as response:
            page = response.read().decode()
        beacon, article = re.search(r'data-url="([^"]+)"(?: data-article="(\d+)")?', page).groups()
        body = f"a={article}".encode() if article else b""
        start = time.perf_counter()
        self.opener.open(urllib.request.Request(server + beacon, data=body, method="POST"), timeout=60).read()  # noqa: S310 our own local server
        return page, (time.perf_counter() - start) * 1000


def part_two(browsers, article_ids):
    from django.core.cache import cache

    from articles.models import Article

    make_articles()  # empties the visitor tables again
    cache.clear()
    Article.objects.filter(pk__in=article_ids).update(view_count=0)
    env = {**os.environ, "DB_CONN_MAX_AGE": "60"}
    servers, urls = [], []
    for workers in (3, 2):
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "firstnews.wsgi", "--bind", f"127.0.0.1:{port}"]
        servers.append(subprocess.Popen([*command, "--workers", str(workers), "--log-level", "warning"], env=env))  # noqa: S603 our own interpreter
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            for _ in range(200):
                try:
                    urllib.request.urlopen(urllib.request.Request(url + "/v/", headers={"User-Agent": GOOGLEBOT}))  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.2)
        first, second = article_ids[:2]

        def visit(number):
            browser = Browser()
            timings = [browser.read(urls[number % 2], f"/article/{first}/")[1]]
            timings.append(browser.read(urls[(number + 1) % 2], "/")[1])
            timings.append(browser.read(urls[0], f"/article/{first}/")[1])
            if number % 3 == 0:
                timings.append(browser.read(urls[1], f"/article/{second}/")[1])
            return timings

        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            timings = [t for result in pool.map(visit, range(browsers)) for t in result]
        elapsed = time.perf_counter() - start
        for url in urls:
            Browser(GOOGLEBOT).read(url, f"/article/{first}/")
        print(f"Part 2: {browsers} browsers, {len(timings)} page+beacon pairs over 2 servers in {elapsed:.1f} s")
        print(f"  beacon round trip under load: median {statistics.median(timings):.1f} ms")
        ok = True
        for url in urls:
            text = re.sub(r"<[^>]+>", "", urllib.request.urlopen(url + "/section/news/").read().decode())  # noqa: S310
            shown = re.search(r"손님 : (\d+) 명 \| 회원 : (\d+) 명", text).groups()
            today = re.search(r"오늘 ([\d,]+)", text).group(1)
            print(f"  footer at {url}: 손님 {shown[0]}, 회원 {shown[1]}, 오늘 {today}")
            ok &= shown == (str(browsers), "0") and today.replace(",", "") == str(browsers)
        views = dict(Article.objects.filter(pk__in=[first, second]).values_list("pk", "view_count"))
        print(f"  view counts: {views[first]} (expected {browsers}), {views[second]} (expected {-(-browsers // 3)})")
        ok &= views[first] == browsers and views[second] == -(-browsers // 3)
        print("  exact" if ok else "  NOT EXACT")
        return ok
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=300, help="requests per measurement in part 1")
    parser.add_argument("--browsers", type=int, default=200, help="distinct browsers in part 2")
    args = parser.parse_args()
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        part_one(args.runs)
        from articles.models import Article

        ids = list(Article.objects.filter(title__startswith="벤치 기사").order_by("id").values_list("id", flat=True))
        sys.exit(0 if part_two(args.browsers, ids) else 1)


if __name__ == "__main__":
    main()
