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
   so "CPU ms per request" holds on a busy machine. The uncached pages, which the targets are about,
   are measured in --rounds rounds (default 3) taken in turn; the median round is kept, with the spread.
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


def median_round(rows):
    """The round with the median app CPU, with the spread of all rounds."""
    ordered = sorted(rows, key=lambda row: row["app_cpu"])
    median = dict(ordered[len(ordered) // 2])
    median["spread"] = f"{ordered[0]['app_cpu']:.2f}-{ordered[-1]['app_cpu']:.2f} ({len(rows)})"
    return median


def table(rows, ceilings):
    static, django = ceilings
    lines = [
        "| mode | page | req/s | p50 | p99 | app CPU ms/req | app CPU min-max (rounds) | nginx CPU ms/req"
        " | ÷ static ceiling | ÷ Django ceiling |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['mode']} | {row['page']} | {row['rps']:,.0f} | {row['p50']} | {row['p99']} | "
            f"{row['app_cpu']:.2f} | {row.get('spread', '')} | {row['nginx_cpu']:.2f} | {row['rps'] / static:.2f} | "
            f"{row['rps'] / django:.2f} |"
        )
    return "\n".join(lines)


def write_doc(text):
    """The measured part of "## Page speed" (up to its first subsection, which is written by hand)."""
    old = DOC.read_text() if DOC.exists() else "# Performance\n"
    start = old.find(SECTION_START)
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        ends = [at for at in (old.find("\n## ", start + 1), old.find("\n### ", start + 1)) if at != -1]
        new = old[:start] + text.rstrip("\n") + "\n" + (old[min(ends) :] if ends else "")
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
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the uncached pages (the median is kept)")
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
        # What the targets are about: each page in --rounds rounds taken in turn, the median round kept
        # (one run's figure moves with whatever else the machine does in those seconds).
        rounds = {page: [] for page in PAGES}
        for _ in range(args.rounds):
            for page in PAGES:
                rounds[page].append(measure("uncached (app renders)", page, base + paths[page], args, pids))
        rows += [median_round(rounds[page]) for page in PAGES]
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
"""
    print()
    print(figures)
    print(query_lines)
    if not args.no_doc:
        write_doc(text)
        print(f"written to {DOC.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
