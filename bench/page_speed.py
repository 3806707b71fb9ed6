"""Page speed of the article, section and home pages: uncached, from the app cache, behind nginx, and
this machine's ceilings, in one run (`make bench`).

    .venv/bin/python bench/page_speed.py --database postgres://postgres@127.0.0.1:5432/firstnews_bench \
        --redis redis://127.0.0.1:6379/12 --port 8171 --nginx-port 8172 --ceiling-port 8173 --seconds 10

1. Builds the data set in a database of its own (dropped and created again): `manage.py migrate` and
   `manage.py bench_data` (--articles, default 200; ~1,500-character bodies, a photo and 5 comments each).
2. Starts the app as README's production section does (`gunicorn -c deploy/gunicorn.conf.py
   firstnews.wsgi`, BEHIND_PROXY=true, SERVE_MEDIA=false), once with APP_PAGE_CACHE=false (every request
   renders) and once with the app's page cache, and deploy/nginx.conf (deploy/nginx_local.py) in front.
3. Runs wrk (-t2 -c16, --seconds each, after a short warm-up) per page and mode; reads the CPU time of
   the gunicorn workers and of the nginx workers from /proc/<pid>/stat (utime+stime) before and after,
   so "CPU ms per request" holds on a busy machine.
4. Ceilings: nginx serving a saved copy of the article page as a static file, and the whole Django stack
   answering a prebuilt response of the same size (bench/ceiling_wsgi.py, not in production URLs).
5. Profiles the uncached article request in-process (pyinstrument) and counts its SQL queries with the
   cache warm and empty, then prints the table and writes it into docs/performance.md ("## Page speed").
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.gunicorn_workers import children, cpu_seconds  # noqa: E402
from deploy.nginx_local import prepare  # noqa: E402

PYTHON = str(ROOT / ".venv/bin/python")
GUNICORN = str(ROOT / ".venv/bin/gunicorn")
DOC = ROOT / "docs/performance.md"
SECTION_START = "## Page speed"
RETURNING_COOKIE = "fn_vid=4f6c1b1e-bench-returning-reader; _ga=GA1.1.123456789.1700000000"
PAGES = ("article", "section", "home")
# How the figures come about; written under the table by every run.
NOTES = """### How pages are kept, and what changes them

- **Front cache.** An anonymous GET that answers 200 without setting a cookie gets
  `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS` (60) and an `ETag` (304 answers by
  `ConditionalGetMiddleware`), and no `Vary: Cookie`: the visitor cookie (`fn_vid`, set by the beacon's
  own answer) and analytics cookies do not change a page. A request with the session, CSRF or messages
  cookie gets `private` (deploy/nginx.conf bypasses its cache on the same three cookies). `Vary: Cookie`
  came from the session being read by the header's `user.is_authenticated` (SessionMiddleware) and from
  CSRF tokens; both stay for personal answers, and a page that prints a CSRF token to a guest (login,
  sign-up, tip form) sets the cookie and is therefore private. The comment form is shown to members only.
- **App cache** (lib/pagecache.py, Redis with REDIS_URL): the same anonymous pages, one entry per
  address holding the content generation it was made under. Saving or deleting an article, section, tag,
  byline, correction, pin, 속보, comment, banner, listing, edition or site document moves the generation
  (`pagecache.bump_on(...)` in each app's `ready()`; `comment_hide`, which updates without signals, calls
  `bump()`), at once and again on commit. A cached lifetime never runs past the next scheduled change
  (an article's publication time, a 속보 or banner start/end), kept without expiry until it passes, so the
  first request after it moves the generation however late it comes. Counts stay exact: nothing is
  counted at render time, the beacon counts.
- **No thundering herd** (`pagecache.kept`): when a page or fragment entry has expired or is older than
  the generation, the request that takes a short lock (`cache.add`, 10 s) renders it again; the others
  meanwhile answer the previous copy (pages with `s-maxage=1` and `X-Page-Cache: stale`). Entries stay
  readable 60 s past their lifetime for that. Only a cold cache (no copy at all) renders in parallel.
- **Lean render.** The pieces every page shares are fragments under the generation
  (`{% cached_include %}`): header, menu, 속보 bar, footer (its live visitor figures stay outside),
  most-read, the sidebar lists; the banners of all slots are one entry of pre-rendered HTML per banner
  (a page reads it once and rotates at random); the home page's blocks, a list page's items and the
  article itself (`articles/includes/story.html`, its JSON-LD, related and 이전/다음) are fragments too,
  and the home page's front-page query runs only when its fragments are made again. The article's
  bylines, tags and corrections are read only when its fragments are made; a guest's comment section
  is a fragment per article, order and page (votes catch up within `PAGE_CACHE_SECONDS`, as cached
  pages do); a list page reads only its capped count, its rows when its items fragment is made;
  section and group pages find their section and group in the cached menu. For readers the article
  and its lists are one cache entry under the generation, and a list's capped count another (one per
  list address). Warm, with Redis, the article, section and home pages make no query. Each cached value
  is read once per request (lib/cache.py), and the keys a page's last two renders both read (menu, site
  settings, 속보, banners, its shared fragments, the footer figures) come in one MGET, learned per page
  (its URL name) by `lib.cache.ReadAheadMiddleware`; the page-cache entry is read with the generation.
  An uncached render makes two Redis round trips, a page-cache hit one. Addresses come from
  `lib.urls.cached_reverse`, rendition URLs are remembered per process. Django's cached template
  loader is on (the default with DEBUG off).

### Not reached yet

Targets: article 6, section 4, home 5 ms of app CPU per uncached request. This machine's speed moves
a lot from day to day: on 2026-12-01 at 06:00 UTC the bare Django ceiling cost 3.6 ms of CPU per
request and nginx served the static copy at 23,800 req/s, against 0.45 ms and 59,900 three hours
earlier. Absolute figures from different hours do not compare; the ratio to the Django ceiling in
the same run, and an A/B of two checkouts in a row, do. Fourth round (2026-12-01): the keys a page
reads come in one MGET learned per page (a section render made 13 Redis round trips, now 2); the
article and its lists are one cache entry for readers (the article's query, 1-3 ms of ORM work per
render, is gone) and list counts are kept under the generation; 현재 접속자 is kept with the
5-second footer figures instead of a Redis pipeline per render. `bench/render_cpu.py --runs 150`
on the 200-article set, the previous commit and this one alternately on the same machine: article
16.3-18.1 -> 9.0-9.2 ms, section 11.4-13.7 -> 10.0-10.4, home 10.6-11.6 -> 6.7-8.0 (that hour's
machine; the morning's ran the previous commit at 4.3-5.0 / 3.4-3.5 / 2.7). In gunicorn, `make bench`
of the previous commit and then of this one (06:05-06:15 UTC): uncached 24.1 / 22.4 / 18.8 -> 14.9 /
12.1 / 11.2 ms of app CPU per request (article / section / home), the app's page cache 3.3-3.9 ->
2.1-2.3. Scaled by those ratios (0.62 / 0.54 / 0.60), the morning's 6.1-9.4 / 4.7-7.1 / 3.7-5.0
would be about 3.8-5.8 / 2.5-3.8 / 2.2-3.0, within the targets; that is an estimate, not a
measurement. What is left: the
templates outside the fragments (head, breadcrumbs, footer figures, page meta: about half of a
section render), the gap between one process and gunicorn's threads, and the cold render: 22 / 15
/ 16 queries with Redis empty (target 10 for the article), which needs the menu, settings, 속보 and
banners computed in one bundle and the comment section's queries merged; not done. Jinja2 was not
measured: most of a warm page is cached HTML, so the template engine would not decide it.
"""


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def build_dataset(args, env):
    url = urllib.parse.urlparse(args.database)
    name = url.path.lstrip("/")
    admin = args.database.rsplit("/", 1)[0] + "/postgres"
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    create = f'CREATE DATABASE "{name}"'
    for statement in (drop, create):
        run(["psql", admin, "-q", "-c", statement], env)  # noqa: S607
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    options = ["--articles", str(args.articles), "--body-chars", "1500", "--photo-share", "1"]
    options += ["--comment-share", "1", "--comments-per", "5", "--tag-share", "0.3", "--years", "1"]
    run([PYTHON, "manage.py", "bench_data", *options], env, stdout=subprocess.DEVNULL)
    run(["redis-cli", "-u", args.redis, "FLUSHDB"], env, stdout=subprocess.DEVNULL)  # noqa: S607


def wait_ready(base, proc, path="/robots.txt"):
    for _ in range(240):
        if proc.poll() is not None:
            sys.exit(f"{proc.args[0]} did not start")
        try:
            urllib.request.urlopen(base + path, timeout=2)  # noqa: S310 loopback only
            return
        except OSError:
            time.sleep(0.25)
    sys.exit(f"{base} did not answer")


def start_gunicorn(args, env, port, app="firstnews.wsgi", **extra):
    command = [GUNICORN, "-c", "deploy/gunicorn.conf.py", app, "--bind", f"127.0.0.1:{port}"]
    # No max_requests: a worker replaced during a run takes its CPU time out of the /proc count.
    command += ["--access-logfile", "/dev/null", "--max-requests", "0"]
    proc = subprocess.Popen(command, cwd=ROOT, env={**env, **extra}, stdout=subprocess.DEVNULL, stderr=sys.stderr)  # noqa: S603
    wait_ready(f"http://127.0.0.1:{port}", proc)
    return proc


def stop(proc):
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def wrk(url, seconds, connections, cookie=None):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    base = ["wrk", "-t2", f"-c{connections}", "--timeout", "10s", "--latency", *headers]
    subprocess.run([*base, "-d2s", url], capture_output=True, check=True)  # noqa: S603 warm-up
    return subprocess.run([*base, f"-d{seconds}s", url], capture_output=True, text=True, check=True).stdout  # noqa: S603


def measure(label, page, url, args, app_pids, nginx_pids=(), cookie=None):
    before_app, before_nginx = cpu_seconds(app_pids), cpu_seconds(nginx_pids)
    out = wrk(url, args.seconds, args.connections, cookie)
    app_cpu, nginx_cpu = cpu_seconds(app_pids) - before_app, cpu_seconds(nginx_pids) - before_nginx
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    row = {
        "mode": label,
        "page": page,
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+(\S+)", out).group(1)),
        "p50": re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1),
        "p99": re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1),
        # warm-up requests are outside the window: the CPU of exactly the counted requests
        "app_cpu": app_cpu * 1000 / max(requests, 1),
        "nginx_cpu": nginx_cpu * 1000 / max(requests, 1),
        "errors": int(errors.group(1)) if errors else 0,
    }
    print(
        f"{label:28} {page:8} {row['rps']:9.1f} req/s  p50 {row['p50']:>8}  p99 {row['p99']:>8}  "
        f"app {row['app_cpu']:6.2f} ms  nginx {row['nginx_cpu']:5.2f} ms  non-2xx {row['errors']}",
        flush=True,
    )
    return row


def page_paths(base):
    home = urllib.request.urlopen(base + "/", timeout=30).read().decode()  # noqa: S310 loopback only
    article = re.search(r'href="(/article/\d+/)"', home).group(1)
    html = urllib.request.urlopen(base + article, timeout=30).read().decode()  # noqa: S310 loopback only
    section = re.search(r'href="(/section/[^"/]+/[^"/]+/)"', html).group(1)
    return {"article": article, "section": section, "home": "/"}


def profile(env, paths):
    """pyinstrument text of 30 uncached article requests, and the queries of each page warm and cold."""
    code = f"""
import django, json
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pyinstrument import Profiler
paths = {json.dumps(paths)}
client = Client(HTTP_HOST="127.0.0.1")
counts = {{}}
for name, path in paths.items():
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    counts[name] = [len(warm), len(cold)]
for _ in range(20):
    client.get(paths["article"])
profiler = Profiler(interval=0.0005)
profiler.start()
for _ in range(30):
    client.get(paths["article"])
profiler.stop()
print(json.dumps(counts))
print(profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False))
"""
    out = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**env, "APP_PAGE_CACHE": "false"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    first, rest = out.split("\n", 1)
    return json.loads(first), rest


def table(rows, ceilings):
    static, django = ceilings
    lines = [
        "| mode | page | req/s | p50 | p99 | app CPU ms/req | nginx CPU ms/req | ÷ static ceiling | ÷ Django ceiling |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['mode']} | {row['page']} | {row['rps']:,.0f} | {row['p50']} | {row['p99']} | "
            f"{row['app_cpu']:.2f} | {row['nginx_cpu']:.2f} | {row['rps'] / static:.2f} | {row['rps'] / django:.2f} |"
        )
    return "\n".join(lines)


def write_doc(text):
    old = DOC.read_text() if DOC.exists() else "# Performance\n"
    start = old.find(SECTION_START)
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(SECTION_START))
        new = old[:start] + text + (old[end + 1 :] if end != -1 else "")
    DOC.write_text(new.rstrip("\n") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/firstnews_bench")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--port", type=int, default=8171, help="gunicorn")
    parser.add_argument("--nginx-port", type=int, default=8172)
    parser.add_argument("--ceiling-port", type=int, default=8173, help="the bare Django ceiling")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration of each measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--keep-data", action="store_true", help="reuse the database as it is")
    parser.add_argument("--no-doc", action="store_true", help="print only, leave docs/performance.md")
    args = parser.parse_args()
    for tool in ("wrk", "psql", "redis-cli"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (Debian: apt-get install wrk postgresql-client redis-tools)")

    work = Path(tempfile.mkdtemp(prefix="firstnews-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": args.database,
        "REDIS_URL": args.redis,
        "MEDIA_ROOT": str(work / "media"),
        "BEHIND_PROXY": "true",
        "SERVE_MEDIA": "false",
        "DJANGO_SETTINGS_MODULE": "firstnews.settings",
    }
    if not args.keep_data:
        build_dataset(args, env)
    base = f"http://127.0.0.1:{args.port}"
    rows = []
    procs = []
    try:
        # 1. Every request renders.
        app = start_gunicorn(args, env, args.port, APP_PAGE_CACHE="false")
        procs.append(app)
        paths = page_paths(base)
        article_html = urllib.request.urlopen(base + paths["article"], timeout=30).read()  # noqa: S310
        pids = children(app.pid)
        for page in PAGES:
            rows.append(measure("uncached (app renders)", page, base + paths[page], args, pids))
        stop(procs.pop())

        # 2. The app's page cache, then nginx in front of it.
        app = start_gunicorn(args, env, args.port, APP_PAGE_CACHE="true")
        procs.append(app)
        pids = children(app.pid)
        for page in PAGES:
            rows.append(measure("app page cache", page, base + paths[page], args, pids))
        static_root = work / "static"
        shutil.copytree(ROOT / "staticfiles", static_root)
        (static_root / "bench-article.html").write_bytes(article_html)
        command = prepare(work / "nginx", args.nginx_port, args.port, static_root, work / "media", workers=1)
        nginx = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=sys.stderr)  # noqa: S603
        procs.append(nginx)
        front = f"http://127.0.0.1:{args.nginx_port}"
        wait_ready(front, nginx, "/static/bench-article.html")
        nginx_pids = children(nginx.pid)
        for page in PAGES:
            rows.append(measure("nginx, first visit", page, front + paths[page], args, pids, nginx_pids))
        for page in PAGES:
            rows.append(
                measure(
                    "nginx, returning (fn_vid)", page, front + paths[page], args, pids, nginx_pids, RETURNING_COOKIE
                )
            )
        static = measure(
            "ceiling: nginx static copy", "article", front + "/static/bench-article.html", args, [], nginx_pids
        )
        stop(procs.pop())
        stop(procs.pop())

        # 3. The whole Django stack answering a prebuilt page of the same size.
        page_file = work / "article.html"
        page_file.write_bytes(article_html)
        ceiling = start_gunicorn(
            args,
            env,
            args.ceiling_port,
            app="bench.ceiling_wsgi",
            APP_PAGE_CACHE="false",
            BENCH_PAGE_FILE=str(page_file),
        )
        procs.append(ceiling)
        django = measure(
            "ceiling: Django prebuilt",
            "article",
            f"http://127.0.0.1:{args.ceiling_port}/x/",
            args,
            children(ceiling.pid),
        )
        stop(procs.pop())
    finally:
        for proc in procs:
            stop(proc)
    rows += [static, django]
    queries, article_profile = profile(env, paths)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    figures = table(rows, (static["rps"], django["rps"]))
    query_lines = "\n".join(f"| {page} | {warm} | {cold} |" for page, (warm, cold) in queries.items())
    text = f"""{SECTION_START}

Measured by `make bench` (bench/page_speed.py) on {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}:
{args.articles} generated articles (~1,500-character bodies, a photo, 5 comments each) in PostgreSQL, Redis
cache, gunicorn as in production (deploy/gunicorn.conf.py: gthread, 4 workers x 2 threads), nginx with
deploy/nginx.conf, `wrk -t2 -c{args.connections} -d{args.seconds}s`, {os.cpu_count()} cores, load {load} at the end.
HTML of the article page: {len(article_html):,} bytes. "app CPU" is the gunicorn workers' utime+stime
from /proc divided by the requests counted; "nginx CPU" the same for the nginx worker. The ratios divide
req/s by the two ceilings (nginx serving a static copy of the article page; the Django stack returning
a prebuilt response of the same size).

{figures}

SQL queries of one uncached request (APP_PAGE_CACHE off; cache warm / cache empty):

| page | warm | cold |
| --- | ---: | ---: |
{query_lines}

Profile of 30 uncached article requests (pyinstrument, in-process, cache warm):

```text
{article_profile.strip()}
```

{NOTES}"""
    print()
    print(figures)
    print(query_lines)
    if not args.no_doc:
        write_doc(text)
        print(f"written to {DOC.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
