"""Which gunicorn worker model serves the article page best on this machine: sync or gthread.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/firstnews_bench REDIS_URL=redis://127.0.0.1:6379/9 \
        .venv/bin/python bench/gunicorn_workers.py --port 8151 --seconds 15

Uses the database as it is (run `python manage.py seed_demo` first) and the settings of
deploy/gunicorn.conf.py, changing only the worker class, workers and threads (and no max_requests);
every request renders unless --page-cache. For each
model it starts gunicorn, warms it up, runs wrk (Debian's package) at --connections for
--seconds against the newest article page and reads the CPU time of the workers from
/proc, so that "CPU ms per request" holds on a busy machine. Prints one table.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")
MODELS = [
    ("sync", 2, 1),
    ("sync", 4, 1),
    ("sync", 8, 1),
    ("gthread", 2, 4),
    ("gthread", 2, 8),
    ("gthread", 2, 16),
    ("gthread", 4, 4),
]


def children(pid):
    out = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=", "--ppid", str(pid)],  # noqa: S607
        capture_output=True,
        text=True,
    ).stdout
    return [int(p) for p in out.split()]


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


def newest_article_path(base):
    html = urllib.request.urlopen(base + "/", timeout=30).read().decode()  # noqa: S310 loopback only
    return re.search(r'href="(/article/\d+/)"', html).group(1)


def wait_ready(base, proc):
    for _ in range(120):
        if proc.poll() is not None:
            sys.exit("gunicorn did not start")
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)  # noqa: S310 loopback only
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not answer")


def measure(kind, workers, threads, args):
    base = f"http://127.0.0.1:{args.port}"
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "-c",
        str(ROOT / "deploy/gunicorn.conf.py"),
        "firstnews.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--worker-class",
        kind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "/dev/null",
        "--max-requests",  # none: a worker replaced mid-run would take its CPU time out of the count
        "0",
    ]
    env = {**os.environ, "APP_PAGE_CACHE": "true" if args.page_cache else "false"}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        wait_ready(base, proc)
        url = base + newest_article_path(base)
        subprocess.run(["wrk", "-t2", "-c16", "-d3s", url], capture_output=True, check=True)  # noqa: S603, S607
        pids = children(proc.pid)
        before = cpu_seconds(pids)
        out = subprocess.run(  # noqa: S603
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "10s", "--latency", url],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        used = cpu_seconds(pids) - before
    finally:
        proc.terminate()
        proc.wait(30)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    return {
        "model": f"{kind} {workers}x{threads}",
        "req/s": requests / args.seconds,
        "cpu": used * 1000 / max(requests, 1),
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8151)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--page-cache", action="store_true", help="with the app's page cache (default: every request renders)"
    )
    parser.add_argument("--models", help="e.g. sync:4:1,gthread:2:8 (kind:workers:threads); default: a fixed list")
    args = parser.parse_args()
    models = MODELS
    if args.models:
        models = [(k, int(w), int(t)) for k, w, t in (item.split(":") for item in args.models.split(","))]
    rows = [measure(kind, workers, threads, args) for kind, workers, threads in models]
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"\narticle page ({'app page cache' if args.page_cache else 'uncached: every request renders'}), wrk -t2 -c{args.connections} -d{args.seconds}s, {os.cpu_count()} cores, load {' '.join(load)}"
    )
    print("| workers | req/s | CPU ms/request (workers) | p50 | p99 | non-2xx | wrk timeouts (10 s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['model']} | {row['req/s']:.1f} | {row['cpu']:.1f} | {row['p50']} | {row['p99']} | {row['errors']} | {row['timeouts']} |"
        )


if __name__ == "__main__":
    main()
