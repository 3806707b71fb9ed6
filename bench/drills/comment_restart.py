"""Drill: members commenting through the real form while PostgreSQL restarts.

    .venv/bin/python bench/drills/comment_restart.py                 # 100 members, 2 comments each
    .venv/bin/python bench/drills/comment_restart.py --members 300 --restart-mode immediate

Starts its own PostgreSQL cluster and redis-server (common.py; ports --pg-port,
--redis-port) and the app under gunicorn as in production (--app-port). --members
accounts log in through /accounts/login/ (CSRF and all), then each posts --posts comments
through the article page's form, --interval seconds after the last answer (the 30-second rule), starting
at random moments of the first interval. --restart-after seconds into the load the drill
restarts PostgreSQL (pg_ctl restart, --restart-mode fast as `pg_ctlcluster restart` does,
or immediate, like a crash). A member whose post fails (5xx or no answer) posts the same
form again, as a person would, until acknowledged or --give-up seconds passed.

Found: acknowledged comments (302 to the comment) missing from the database (lost),
comments stored twice (duplicated), "댓글 N" against the visible comments, and the
answers by status before, during and after the gap. Exits 1 if anything was lost or
duplicated or a 5xx came outside the gap (+ --grace seconds). Takes about
(login time + --posts x --interval + restart) seconds; loopback only.
"""

import argparse
import collections
import random
import sys
import threading
import time
import uuid

from common import (
    Client,
    Stack,
    add_service_options,
    hidden,
    percentile,
    run_threads,
    status_class,
    status_table,
    stored_comments,
    table,
)

RETRY = {0, 500, 502, 503, 504}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--posts", type=int, default=2, help="comments per member")
    parser.add_argument("--interval", type=float, default=31, help="seconds between two comments of one member")
    parser.add_argument("--restart-after", type=float, default=12, help="seconds into the load")
    parser.add_argument("--restart-mode", choices=["fast", "immediate"], default="fast")
    parser.add_argument("--give-up", type=float, default=90, help="a member stops retrying one comment after this")
    parser.add_argument("--grace", type=float, default=2, help="seconds after the restart still counted as the gap")
    add_service_options(parser, app_port=8155)
    args = parser.parse_args()
    run = uuid.uuid4().hex[:6]

    with Stack(args) as stack:
        articles, names = make(args)
        stack.start_app()
        log = []
        clients = {name: Client(stack.base, f"10.77.{n // 250}.{n % 250 + 1}", log) for n, name in enumerate(names)}

        started = time.monotonic()
        logged_in = []
        queue = list(names)
        lock = threading.Lock()

        def login_worker(_):
            while True:
                with lock:
                    if not queue:
                        return
                    name = queue.pop()
                if clients[name].login(name):
                    logged_in.append(name)

        for thread in run_threads(login_worker, range(16)):
            thread.join()
        login_seconds = time.monotonic() - started
        log.clear()

        acknowledged, rejected, retries = [], [], collections.Counter()
        gap = {}

        def post_one(name, article, number):
            client = clients[name]
            text = f"드릴 댓글 {run} {name} {number}"
            token = None
            deadline = time.monotonic() + args.give_up
            while time.monotonic() < deadline:
                if token is None:
                    status, page = client.request("article page", article.get_absolute_url())
                    token = hidden(page, "token") if status == 200 else None
                    if token is None:
                        time.sleep(1)
                    continue
                status = client.post_comment(article.pk, text, token)
                if status == 302:
                    acknowledged.append(text)
                    return
                if status not in RETRY:
                    rejected.append((text, status))
                    return
                retries[name] += 1
                time.sleep(1)
            rejected.append((text, "gave up"))

        def member(name):
            time.sleep(random.uniform(0, args.interval))  # noqa: S311 spread, not security
            for number in range(args.posts):
                if number:
                    time.sleep(args.interval)  # counted from the answer, as the 30-second rule counts
                post_one(name, articles[int(name[5:]) % len(articles)], number)

        load_start = time.monotonic()
        threads = run_threads(member, logged_in)
        time.sleep(args.restart_after)
        gap["start"] = time.monotonic()
        stack.pg.restart(args.restart_mode)
        gap["end"] = time.monotonic()
        for thread in threads:
            thread.join()
        load_seconds = time.monotonic() - load_start

        from articles.models import Article
        from comments.models import Comment

        stored = stored_comments(f"드릴 댓글 {run} ")
        lost = [text for text in acknowledged if text not in stored]
        duplicated = {text: n for text, n in stored.items() if n > 1}
        unacknowledged = [text for text in stored if text not in set(acknowledged)]
        counts_wrong = [
            a.pk for a in Article.objects.filter(pk__in=[a.pk for a in articles])
            if a.comment_count != Comment.objects.filter(article=a).visible().count()
        ]  # fmt: skip

        phases = collections.defaultdict(collections.Counter)
        server_errors = collections.Counter()
        durations = []
        for kind, status, begin, end in log:
            if end < gap["start"]:
                phase = "before the restart"
            elif end <= gap["end"] + args.grace:
                phase = "during the restart (+grace)"
            else:
                phase = "after"
            phases[phase][status_class(status)] += 1
            if status >= 500:
                server_errors[status] += 1
            if kind == "comment post":
                durations.append(end - begin)
        outside = sum(c["5xx"] for p, c in phases.items() if p != "during the restart (+grace)")

        attempted = len(logged_in) * args.posts
        table(
            f"Drill: commenting through a PostgreSQL restart ({args.restart_mode}), run {run}",
            [
                ("what", "value"),
                ("members logged in through the form", f"{len(logged_in)} of {len(names)} in {login_seconds:.1f} s"),
                ("comments attempted", attempted),
                ("acknowledged (302)", len(acknowledged)),
                ("refused with a form answer (4xx/200)", len(rejected)),
                ("posts repeated after a 5xx or no answer", sum(retries.values())),
                ("PostgreSQL restart", f"{gap['start'] - load_start:.1f} s into the load, took {gap['end'] - gap['start']:.2f} s"),
                ("load duration", f"{load_seconds:.1f} s"),
                ("comment POST p50 / p99", f"{percentile(durations, 0.5) * 1000:.0f} / {percentile(durations, 0.99) * 1000:.0f} ms"),
                ("**acknowledged but lost**", len(lost)),
                ("**stored twice**", len(duplicated)),
                ("stored but never acknowledged", len(unacknowledged)),
                ("articles whose 댓글 N is wrong", len(counts_wrong)),
                ("5xx outside the gap", outside),
                ("5xx by status", ", ".join(f"{code} x {n}" for code, n in sorted(server_errors.items())) or "none"),
                ("500s logged by the app", stack.server_errors_logged()),
            ],
        )  # fmt: skip
        order = ("before the restart", "during the restart (+grace)", "after")
        status_table("Answers by phase (all requests of the load)", "phase", phases, order)
        if rejected:
            print("\nrefused:", collections.Counter(str(status) for _, status in rejected))
        ok = not lost and not duplicated and not counts_wrong and outside == 0 and len(acknowledged) > 0
        print("\nRESULT:", "PASS" if ok else "FAIL")
        return 0 if ok else 1


def make(args):
    from common import make_content

    return make_content(args.articles, args.members)


if __name__ == "__main__":
    sys.exit(main())
