"""Every page of a million-article archive, timed: p50/p95 per page and the slowest query's plan.

    # once: a copy of the big set (or build one: make bench-data ARTICLES=1000000, ~10 min on a quiet machine)
    createdb -h 127.0.0.1 -U postgres -T fn_million fn_pages_1m
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fn_pages_1m .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fn_pages_1m REDIS_URL=redis://127.0.0.1:6379/11 \
        .venv/bin/python bench/archive_pages.py --port 8231 [--write docs/performance.md]

With --build N it first runs `manage.py bench_data --articles N` when the database holds fewer
published articles. It starts gunicorn (deploy/gunicorn.conf.py) on --port, warms every page,
then per page: --runs sequential requests with curl (each with a fresh `_b=` parameter, so no
cached page answers: the sitemaps' cache_page is keyed by the full URL) for p50/p95, and wrk
(-c --connections, --seconds) for throughput and p50/p99 under load. Then, in this process
through Django's test client, it records every SQL statement of the page and prints
`EXPLAIN (ANALYZE, BUFFERS)` of the slowest SELECT. --app-root runs the server from another
checkout (e.g. /work/main, to measure before a change; plans are then skipped). --save writes
the figures as JSON; --compare adds that JSON's p95 as a "before" column. --write puts the table
and plans in the file's "## A million articles" section (replacing it, other sections kept).

It writes to the database it measures (a bench staff account and its session; page views count);
never point it at a site in use. Never run as a test.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
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
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles.models import Article, Section, Tag  # noqa: E402
from articles.sitemaps import ArticleSitemap  # noqa: E402
from lib.pagination import COUNT_CAP  # noqa: E402

SECTION_TITLE = "## A million articles"
SEARCHES = [
    ("common one word", "파주"),
    ("common two words", "파주시 예산"),
    ("phrase", '"마을버스 노선"'),
    ("rare", "꽃게탕"),
]
PUBLIC, SEARCH, ADMIN, SITEMAP = 100, 300, 300, 1000  # p95 targets, ms


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pages():
    """(name, path, target ms, needs the staff login) for every page of the issue's table."""
    published = Article.objects.published()
    newest = published.order_by("-published_at", "-id").only("id").first()
    busiest = published.order_by("-comment_count").only("id", "comment_count").first()
    section = Section.objects.filter(group__kind="articles").annotate(n=Count("articles")).order_by("-n").first()
    per_page = settings.PAPER_PAGE_SIZE
    last = -(-min(published.filter(section=section)[: COUNT_CAP + 1].count(), COUNT_CAP) // per_page)
    reporter = get_user_model().objects.filter(is_staff=True).annotate(n=Count("articles")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n").first()
    article_pages = -(-(published.order_by("-id").values_list("id", flat=True).first() or 0) // ArticleSitemap.limit)
    section_path = reverse("articles:section", args=[section.group.slug, section.slug])
    rows = [
        ("sitemap index", reverse("articles:sitemap"), SITEMAP, False),
        ("sitemap: sections", "/sitemap-sections.xml", SITEMAP, False),
        ("sitemap: reporters", "/sitemap-reporters.xml", SITEMAP, False),
        ("sitemap: tags", "/sitemap-tags.xml", SITEMAP, False),
        ("sitemap: articles, first page", "/sitemap-articles.xml?p=1", SITEMAP, False),
        (f"sitemap: articles, last page ({article_pages})", f"/sitemap-articles.xml?p={article_pages}", SITEMAP, False),
        ("news sitemap", reverse("articles:news_sitemap"), SITEMAP, False),
        ("home", reverse("articles:home"), PUBLIC, False),
        ("group page", reverse("articles:group", args=[section.group.slug]), PUBLIC, False),
        ("section, first page", section_path, PUBLIC, False),
        (f"section, last page ({last})", f"{section_path}?page={last}", PUBLIC, False),
        ("article", newest.get_absolute_url(), PUBLIC, False),
        (f"article with {busiest.comment_count:,} comments", busiest.get_absolute_url(), PUBLIC, False),
        ("reporter", reverse("articles:reporter", args=[reporter.username]), PUBLIC, False),
        ("tag", reverse("articles:tag", args=[tag.slug]), PUBLIC, False),
        ("corrections", reverse("articles:corrections"), PUBLIC, False),
        ("RSS, all", reverse("articles:feed"), PUBLIC, False),
        ("RSS, reporter", reverse("articles:reporter_feed", args=[reporter.username]), PUBLIC, False),
    ]
    rows += [(f"search: {label}", f"/search/?q={_quote(query)}", SEARCH, False) for label, query in SEARCHES]
    admin_list = reverse("admin:articles_article_changelist")
    rows += [
        ("admin: article list", admin_list, ADMIN, True),
        (
            "admin: filter published + section",
            f"{admin_list}?status__exact=published&section__id__exact={section.pk}",
            ADMIN,
            True,
        ),
        ("admin: filter reporter", f"{admin_list}?reporter__id__exact={reporter.pk}", ADMIN, True),
        ("admin: search 파주시 예산", f"{admin_list}?q={_quote('파주시 예산')}", ADMIN, True),
        ("admin: comment list", reverse("admin:comments_comment_changelist"), ADMIN, True),
    ]
    return rows


def _quote(text):
    return urllib.parse.quote(text)


def staff_session():
    """A superuser for the admin pages and a session cookie for curl and wrk (written to this database)."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench_admin", defaults={"is_staff": True, "is_superuser": True, "last_name": "벤치"}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return user, f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def curl_ms(url, cookie, max_time):
    command = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "--max-time", str(max_time)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    status, seconds = subprocess.run([*command, url], capture_output=True, text=True, check=False).stdout.split()  # noqa: S603
    return int(status), float(seconds) * 1000


def wrk(url, cookie, connections, seconds):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=False).stdout  # noqa: S603
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
    return (float(rate.group(1)) if rate else 0.0), {k: to_ms(v) for k, v in latency.items()}


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def slowest_query(path, user):
    """(queries, slowest SELECT's ms, its EXPLAIN ANALYZE) of one request, run in this process."""
    client = Client(HTTP_HOST="127.0.0.1")
    if user is not None:
        client.force_login(user)
    fresh = (lambda: path) if user else (lambda: f"{path}{'&' if '?' in path else '?'}_b={time.time_ns()}")
    client.get(fresh())  # warm; then a new _b= past the sitemaps' page cache
    path = fresh()
    timed = []

    def record(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - start) * 1000, sql, params))

    with connection.execute_wrapper(record):
        client.get(path)
    selects = [row for row in timed if row[1].lstrip().upper().startswith(("SELECT", "(SELECT", "WITH"))]
    if not selects:
        return len(timed), 0.0, ""
    ms, sql, params = max(selects, key=lambda row: row[0])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return len(timed), ms, plan


def start_server(port, app_root):
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "STATIC_MANIFEST": "false", "GUNICORN_TIMEOUT": "120"}
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "-c",
        str(Path(app_root) / "deploy/gunicorn.conf.py"),
        "firstnews.wsgi",
    ]
    proc = subprocess.Popen(command, cwd=app_root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    for _ in range(120):
        if proc.poll() is not None:
            sys.exit("gunicorn did not start")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)  # noqa: S310 our own server
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("gunicorn did not answer")


def table(results, before):
    head = "| page | target | p50 ms | p95 ms | wrk req/s | wrk p99 ms | queries | slowest query ms |"
    lines = [head if not before else head.replace("| page |", "| page | before p95 ms |")]
    lines.append("|" + " --- |" * (lines[0].count("|") - 1))
    for row in results:
        cells = [row["name"]]
        if before:
            cells.append(fmt(before.get(row["name"], {}).get("p95")))
        target = f"≤ {row['target']:,}"
        verdict = "" if row["status"] == 200 else f" (HTTP {row['status']})"
        cells += [
            target,
            fmt(row["p50"]),
            fmt(row["p95"]) + (" ✔" if row["p95"] <= row["target"] else " ✘") + verdict,
            fmt(row["rate"]),
            fmt(row["wrk_p99"]),
            str(row.get("queries", "")),
            fmt(row.get("slowest")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def fmt(value):
    if value is None or value == "":
        return "–"
    return f"{value:,.0f}" if value >= 10 else f"{value:,.1f}"


def write_doc(path, text):
    doc = Path(path)
    current = doc.read_text() if doc.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(SECTION_TITLE)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    section = f"{SECTION_TITLE}\n\n{text.strip()}\n\n"
    current = (
        pattern.sub(lambda _: section, current) if pattern.search(current) else current.rstrip() + "\n\n" + section
    )
    doc.write_text(current.rstrip() + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8231)
    parser.add_argument("--runs", type=int, default=20, help="sequential curl requests per page")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page (0: no wrk)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--max-time", type=int, default=60, help="curl gives up after this many seconds")
    parser.add_argument("--build", type=int, default=0, help="run bench_data up to this many articles first")
    parser.add_argument("--app-root", default=str(ROOT), help="serve this checkout's code (plans skipped)")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this")
    parser.add_argument("--skip", default="", help="leave out pages whose name contains this (e.g. search)")
    parser.add_argument("--save", help="write the figures as JSON here")
    parser.add_argument("--update", action="store_true", help="merge into --save's figures instead of replacing")
    parser.add_argument("--compare", help="JSON of an earlier run: its p95 becomes the 'before' column")
    parser.add_argument("--write", help="put the table in this Markdown file's '## A million articles' section")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at the PostgreSQL copy of the big set.")
    published = Article.objects.published().count()
    if args.build and published < args.build:
        call_command("bench_data", articles=args.build - published)
        published = Article.objects.published().count()
    setup_test_environment()
    user, cookie = staff_session()
    rows = [row for row in pages() if args.only in row[0] and not (args.skip and args.skip in row[0])]
    own_code = Path(args.app_root).resolve() == ROOT
    server = start_server(args.port, args.app_root)
    results = []
    try:
        base = f"http://127.0.0.1:{args.port}"
        for name, path, target, login in rows:
            jar = cookie if login else ""
            sep = "&" if "?" in path else "?"
            curl_ms(base + path, jar, args.max_time)  # warm this page's code and rows
            # a fresh _b= keeps cached pages out (the admin caches nothing and refuses unknown parameters)
            fresh = (lambda: base + path) if login else (lambda: f"{base}{path}{sep}_b={time.time_ns()}")  # noqa: B023
            samples = [curl_ms(fresh(), jar, args.max_time) for _ in range(args.runs)]
            times = [ms for _, ms in samples]
            row = {
                "name": name,
                "path": path,
                "target": target,
                "status": samples[-1][0],
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "rate": None,
                "wrk_p99": None,
            }
            if args.seconds:
                row["rate"], latency = wrk(base + path, jar, args.connections, args.seconds)
                row["wrk_p99"] = latency.get("99")
            if own_code:
                row["queries"], row["slowest"], row["plan"] = slowest_query(path, user if login else None)
            results.append(row)
            print(f"{name:45} p50 {row['p50']:8.1f}  p95 {row['p95']:8.1f} ms  (target {target})", flush=True)
    finally:
        server.terminate()
        server.wait(30)
    if args.update and args.save and Path(args.save).exists():  # re-measured pages replace theirs, in page order
        earlier = json.loads(Path(args.save).read_text())
        fresh = {row["name"]: row for row in results}
        results = [fresh.pop(name, row) for name, row in earlier.items()] + list(fresh.values())
    before = json.loads(Path(args.compare).read_text()) if args.compare else {}
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    comments = connection.cursor()
    comments.execute("SELECT count(*) FROM comments_comment")
    summary = (
        f"{published:,} published articles, {comments.fetchone()[0]:,} comments; PostgreSQL {connection.pg_version // 10000}, "
        f"gunicorn {os.environ.get('WEB_CONCURRENCY', '2')}×{os.environ.get('GUNICORN_THREADS', '8')} gthread, "
        f"{os.cpu_count()} cores, load {load}; {args.runs} sequential curl requests per page (each past the page "
        f"cache), wrk -c{args.connections} -d{args.seconds}s."
    )
    text = summary + "\n\n" + table(results, before)
    print("\n" + text)
    for row in results:
        if row.get("plan"):
            print(f"\n### {row['name']}: slowest query {row['slowest']:.1f} ms\n{row['plan']}")
    if args.save:
        Path(args.save).write_text(json.dumps({row["name"]: row for row in results}, ensure_ascii=False, indent=1))
    if args.write:
        plans = "\n\n".join(
            f"<details><summary>{row['name']}: slowest query {row['slowest']:.1f} ms</summary>\n\n```\n{row['plan']}\n```\n</details>"
            for row in results
            if row.get("plan")
        )
        write_doc(
            args.write,
            text + ("\n\nThe slowest query of each page, as PostgreSQL ran it:\n\n" + plans if plans else ""),
        )


if __name__ == "__main__":
    main()
