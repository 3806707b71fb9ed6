"""Drill: Redis stopped and started again under readers and commenting members.

    .venv/bin/python bench/drills/redis_outage.py [--down 10] [--readers 20] [--members 10]

Starts its own PostgreSQL cluster and redis-server (never the machine's shared Redis)
and the app under gunicorn as in production. Readers load the home page, articles,
search and the RSS feed and send the visitor beacon; members read and post comments
through the form. After --before seconds the drill stops Redis (`redis-cli shutdown
nosave`, losing what it held), keeps it down --down seconds, starts it with the same
command as before and watches --after more seconds. The app is not restarted.

Found: answers by status before, while Redis is down and after; how long after Redis
came back the first page was served again; comments acknowledged against stored.
Exits 1 if a 5xx came before the outage or after it (past --grace), if a page was not
served while Redis was down (issue 13: pages must degrade, not fail), or if an
acknowledged comment is missing.
"""

import argparse
import collections
import random
import sys
import time
import uuid

from common import (
    Client,
    Stack,
    add_service_options,
    hidden,
    make_content,
    run_threads,
    status_class,
    status_table,
    stored_comments,
    table,
)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--before", type=float, default=10)
    parser.add_argument("--down", type=float, default=10)
    parser.add_argument("--after", type=float, default=15)
    parser.add_argument("--grace", type=float, default=2, help="seconds after Redis is back still counted as down")
    add_service_options(parser, app_port=8156, pg_port=8167, redis_port=8168)
    args = parser.parse_args()
    run = uuid.uuid4().hex[:6]

    with Stack(args) as stack:
        articles, names = make_content(5, args.members)
        stack.start_app()
        log = []
        members = []
        for n, name in enumerate(names):
            client = Client(stack.base, f"10.88.0.{n + 1}", log)
            if client.login(name):
                members.append((name, client))
        log.clear()
        pages = ["/", "/search/?q=%ED%8C%8C%EC%A3%BC", "/rss/", *(a.get_absolute_url() for a in articles)]  # q=파주
        stop_at = time.monotonic() + args.before + args.down + args.after
        acknowledged = []

        def reader(number):
            client = Client(stack.base, f"10.99.{number // 250}.{number % 250 + 1}", log)
            while time.monotonic() < stop_at:
                client.request("page", random.choice(pages))  # noqa: S311 not security
                article = random.choice(articles)  # noqa: S311
                client.request("beacon", "/v/", {"a": article.pk})
                time.sleep(random.uniform(0.2, 1))  # noqa: S311

        def member(entry):
            name, client = entry
            number = 0
            while time.monotonic() < stop_at:
                article = random.choice(articles)  # noqa: S311
                status, page = client.request("page", article.get_absolute_url())
                token = hidden(page, "token") if status == 200 else None
                if token:
                    text = f"레디스 드릴 {run} {name} {number}"
                    if client.post_comment(article.pk, text, token) == 302:
                        acknowledged.append(text)
                        number += 1
                        time.sleep(31)
                        continue
                time.sleep(1)

        start = time.monotonic()
        threads = run_threads(reader, range(args.readers)) + run_threads(member, members)
        time.sleep(args.before)
        down_at = time.monotonic()
        stack.redis.stop()
        time.sleep(args.down)
        stack.redis.start()
        up_at = time.monotonic()
        for thread in threads:
            thread.join()

        stored = stored_comments(f"레디스 드릴 {run} ")
        lost = [text for text in acknowledged if text not in stored]
        phases = collections.defaultdict(collections.Counter)
        server_errors = collections.Counter()
        first_ok_after = None
        for _kind, status, _begin, end in sorted(log, key=lambda entry: entry[3]):
            if end < down_at:
                phase = "before"
            elif end <= up_at + args.grace:
                phase = "Redis down (+grace)"
            else:
                phase = "after"
            phases[phase][status_class(status)] += 1
            if status >= 500:
                server_errors[status] += 1
            if end > up_at and status in (200, 302) and first_ok_after is None:
                first_ok_after = end - up_at
        served_down = phases["Redis down (+grace)"]["2xx"] + phases["Redis down (+grace)"]["3xx"]
        errors_outside = phases["before"]["5xx"] + phases["after"]["5xx"]
        table(
            f"Drill: Redis stopped for {args.down:g} s and started again, run {run}",
            [
                ("what", "value"),
                ("readers / members logged in", f"{args.readers} / {len(members)} of {len(names)}"),
                ("Redis stopped", f"{down_at - start:.1f} s into the load, started again after {up_at - down_at:.1f} s"),
                ("answers while Redis was down: served / 5xx", f"{served_down} / {phases['Redis down (+grace)']['5xx']}"),
                ("first page served after Redis came back", "never" if first_ok_after is None else f"{first_ok_after:.2f} s"),
                ("5xx before the outage or after it", errors_outside),
                ("comments acknowledged / stored / **lost**", f"{len(acknowledged)} / {sum(stored.values())} / {len(lost)}"),
                ("5xx by status", ", ".join(f"{code} x {n}" for code, n in sorted(server_errors.items())) or "none"),
                ("500s logged by the app", stack.server_errors_logged()),
            ],
        )  # fmt: skip
        status_table("Answers by phase", "phase", phases, ("before", "Redis down (+grace)", "after"))
        checks = {
            "no 5xx before or after the outage": errors_outside == 0,
            "recovered without restarting the app": first_ok_after is not None,
            "pages served while Redis was down": phases["Redis down (+grace)"]["5xx"] == 0 and served_down > 0,
            "no acknowledged comment lost": not lost,
        }
        print()
        for what, passed in checks.items():
            print(f"{'PASS' if passed else 'FAIL'}: {what}")
        print("\nRESULT:", "PASS" if all(checks.values()) else "FAIL")
        return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
