"""Drill: 200 readers and members at once for two minutes, and no 5xx.

    .venv/bin/python bench/drills/soak.py                       # 150 readers + 50 members, 120 s
    .venv/bin/python bench/drills/soak.py --seconds 30          # shorter

Starts its own PostgreSQL cluster and redis-server and the app under gunicorn as in
production. --readers anonymous browsers (each its own address) read the home page,
articles, search and the RSS feed and send the visitor beacon; --members log in through
the form and read articles, posting a comment every 31 s (the 30-second rule). Everyone
waits --think seconds (random up to that) between pages, like people, so the app is
driven at its capacity for --seconds. No cache in front: every page is rendered.

Found: requests and answers by kind and status, latency p50/p99, throughput, comments
acknowledged against stored. Exits 1 on any 5xx or a lost comment.
"""

import argparse
import collections
import random
import sys
import time
import uuid

from common import (
    STATUS_CLASSES,
    Client,
    Stack,
    add_service_options,
    hidden,
    make_content,
    percentile,
    run_threads,
    status_class,
    stored_comments,
    table,
)

SEARCH = "/search/?q=%ED%8C%8C%EC%A3%BC"  # 파주


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=150)
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", type=float, default=2, help="longest pause between two pages of one person")
    parser.add_argument("--articles", type=int, default=20)
    add_service_options(parser, app_port=8157, pg_port=8162, redis_port=8163)
    args = parser.parse_args()
    run = uuid.uuid4().hex[:6]

    with Stack(args) as stack:
        articles, names = make_content(args.articles, args.members)
        stack.start_app()
        log = []
        members, login_started = [], time.monotonic()
        queue = list(enumerate(names))

        def login_worker(_):
            while queue:
                n, name = queue.pop()
                client = Client(stack.base, f"10.66.0.{n + 1}" if n < 250 else f"10.66.1.{n - 249}", log)
                if client.login(name):
                    members.append((name, client))

        for thread in run_threads(login_worker, range(16)):
            thread.join()
        login_seconds = time.monotonic() - login_started
        log.clear()
        pages = ["/", SEARCH, "/rss/", *(a.get_absolute_url() for a in articles)]
        acknowledged = []
        start = time.monotonic()
        stop_at = start + args.seconds

        def pause():
            time.sleep(random.uniform(0, args.think))  # noqa: S311 not security

        def reader(number):
            client = Client(stack.base, f"10.55.{number // 250}.{number % 250 + 1}", log)
            pause()
            while time.monotonic() < stop_at:
                path = random.choice(pages)  # noqa: S311
                client.request("reader page", path)
                if path.startswith("/article/"):
                    client.request("beacon", "/v/", {"a": path.split("/")[2]})
                pause()

        def member(entry):
            name, client = entry
            next_comment, number = time.monotonic() + random.uniform(0, 31), 0  # noqa: S311
            pause()
            while time.monotonic() < stop_at:
                article = random.choice(articles)  # noqa: S311
                status, page = client.request("member page", article.get_absolute_url())
                token = hidden(page, "token") if status == 200 else None
                if token and time.monotonic() >= next_comment:
                    text = f"부하 드릴 {run} {name} {number}"
                    if client.post_comment(article.pk, text, token) == 302:
                        acknowledged.append(text)
                        number += 1
                        next_comment = time.monotonic() + 31
                pause()

        threads = run_threads(reader, range(args.readers)) + run_threads(member, members)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start

        stored = stored_comments(f"부하 드릴 {run} ")
        lost = [text for text in acknowledged if text not in stored]
        by_kind = collections.defaultdict(collections.Counter)
        durations = collections.defaultdict(list)
        for kind, status, begin, end in log:
            by_kind[kind][status_class(status)] += 1
            durations[kind].append(end - begin)
        errors = sum(c["5xx"] for c in by_kind.values())
        unanswered = sum(c["no answer"] for c in by_kind.values())
        table(
            f"Drill: {args.readers} readers and {len(members)} members for {elapsed:.0f} s, run {run}",
            [
                ("what", "value"),
                ("members logged in through the form", f"{len(members)} of {len(names)} in {login_seconds:.1f} s"),
                ("requests", f"{len(log)} ({len(log) / elapsed:.1f}/s)"),
                ("**5xx**", errors),
                ("no answer within 30 s", unanswered),
                ("comments acknowledged / stored / lost", f"{len(acknowledged)} / {sum(stored.values())} / {len(lost)}"),
                ("500s logged by the app", stack.server_errors_logged()),
            ],
        )  # fmt: skip
        classes = STATUS_CLASSES
        table(
            "Requests by kind",
            [("kind", *classes, "p50 ms", "p99 ms")]
            + [
                (
                    kind,
                    *(counts[k] for k in classes),
                    f"{percentile(durations[kind], 0.5) * 1000:.0f}",
                    f"{percentile(durations[kind], 0.99) * 1000:.0f}",
                )
                for kind, counts in sorted(by_kind.items())
            ],
        )
        ok = errors == 0 and not lost and len(log) > 0
        print("\nRESULT:", "PASS" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
