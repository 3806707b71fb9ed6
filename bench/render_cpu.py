"""CPU per uncached render of the article, section and home pages in one process (no server, no
contention between threads), their SQL queries warm and cold, and optionally a profile.

    DATABASE_URL=postgres://... REDIS_URL=redis://.../N .venv/bin/python bench/render_cpu.py \
        [--runs 200] [--queries] [--profile article] [--cprofile article]

Run after `manage.py bench_data` (or `make bench`, which builds the data set); APP_PAGE_CACHE is off, so
every request renders; the caches of fragments and lists stay warm as in production.
"""

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
os.environ["APP_PAGE_CACHE"] = "false"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def page_paths(client):
    home = client.get("/").content.decode()
    article = re.search(r'href="(/article/\d+/)"', home).group(1)
    html = client.get(article).content.decode()
    section = re.search(r'href="(/section/[^"/]+/[^"/]+/)"', html).group(1)
    return {"article": article, "section": section, "home": "/"}


def cpu_per_render(client, path, runs):
    for _ in range(20):
        client.get(path)
    start = time.process_time()
    for _ in range(runs):
        client.get(path)
    return (time.process_time() - start) * 1000 / runs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--queries", action="store_true", help="print each page's SQL, warm and cold")
    parser.add_argument("--profile", help="pyinstrument profile of this page (article, section, home)")
    parser.add_argument("--cprofile", help="cProfile of this page, top functions by own time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    paths = page_paths(client)
    result = {}
    for name, path in paths.items():
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            assert client.get(path).status_code == 200
        with CaptureQueriesContext(connection) as warm:
            client.get(path)
        if args.queries:  # now: every request empties the log
            for label, captured in (("cold", cold), ("warm", warm)):
                print(f"== {name} {path}: {label} {len(captured)}")
                for query in captured.captured_queries:
                    print("   ", query["sql"][:220])
        result[name] = {"warm": len(warm), "cold": len(cold), "cpu_ms": cpu_per_render(client, path, args.runs)}
    if args.json:
        print(json.dumps(result))
    else:
        for name, row in result.items():
            print(
                f"{name:8} {row['cpu_ms']:6.2f} ms CPU per render   queries warm {row['warm']:2}  cold {row['cold']:2}"
            )
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
        for _ in range(args.runs):
            client.get(paths[args.profile])
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.cprofile:
        import cProfile
        import pstats

        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(args.runs):
            client.get(paths[args.cprofile])
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main()
