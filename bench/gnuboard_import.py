# ruff: noqa: S608 - table names are fixed
"""Time `import_gnuboard` on a synthetic Gnuboard5 database of a given size.

Builds g5bench_<posts> in a local MariaDB/MySQL (members, one board mapped to 파주뉴스 by name, posts in
HTML and plain text, comment threads with replies, 3 years of visitor totals), then imports it into the
database Django is configured with and prints posts/s and comments/s of the posts stage, and the time of
a second run (which must add nothing).

    # into a scratch PostgreSQL database (created and migrated by this script), as production would:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/g5bench .venv/bin/python bench/gnuboard_import.py --posts 20000

    --posts N            posts to make (default 20000); comments: --comments 5 per post on average
    --server URL         MariaDB/MySQL server (default mysql://root@127.0.0.1:3306)
    --keep               keep the g5bench_ database afterwards (to try the import by hand, see README)
    --build-only         only build the Gnuboard5 database

The import is the normal command path (Importer.run), so progress bars print as they would.
"""

import argparse
import contextlib
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from gnuboard.importer import Importer, original_times  # noqa: E402
from gnuboard.sample import SampleDatabase, gnuboard_pbkdf2, server  # noqa: E402
from gnuboard.source import Source  # noqa: E402

WORDS = [
    "파주시",
    "운정신도시",
    "출판도시",
    "임진각",
    "문산읍",
    "금촌동",
    "교하",
    "시의회",
    "예산",
    "주민",
    "축제",
    "도서관",
    "공원",
    "교통",
    "버스",
    "학교",
    "복지",
    "문화",
    "행사",
    "안전",
    "소방",
    "경찰",
    "기업",
    "일자리",
    "지역",
    "경제",
    "환경",
    "하천",
    "정비",
    "개통",
    "개막",
    "발표",
    "의견",
]


def sentence(rng, words=14):
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def build(url, name, posts, comments_per_post, members, seed=2026):
    rng = random.Random(seed)
    connection_ = server(url)
    db = SampleDatabase(connection_, name, boards=["news"])
    db.group("news", "퍼스트뉴스", 1)
    db.board("news", "news", "파주뉴스", 1)
    hashes = [gnuboard_pbkdf2(f"bench-password-{n}") for n in range(20)]
    db.insert_many(
        "g5_member",
        ["mb_id", "mb_password", "mb_name", "mb_nick", "mb_email", "mb_level", "mb_datetime"],
        [
            (
                f"member{n}",
                hashes[n % 20],
                f"회원{n}",
                f"닉{n}",
                f"member{n}@example.com",
                2 if n % 50 else 8,
                "2012-01-01 09:00:00",
            )
            for n in range(members)
        ],
    )
    columns = [
        "wr_id", "wr_num", "wr_reply", "wr_parent", "wr_is_comment", "wr_comment", "wr_comment_reply", "ca_name",
        "wr_option", "wr_subject", "wr_content", "wr_link1", "wr_link2", "wr_hit", "mb_id", "wr_name",
        "wr_datetime", "wr_last",
    ]  # fmt: skip
    wr_id, rows = 0, []
    total_comments = 0
    for n in range(posts):
        wr_id += 1
        post_id = wr_id
        when = f"{2010 + n * 15 // posts}-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:00"
        member = rng.randrange(members)
        html = n % 2 == 0
        paragraphs = [sentence(rng, 30) for _ in range(6)]
        content = "".join(f"<p>{p}</p>" for p in paragraphs) if html else "\n\n".join(paragraphs)
        rows.append((
            post_id, -(n + 1), "", post_id, 0, 0, "", rng.choice(["", "행정", "사회"]), "html1" if html else "",
            sentence(rng, 6)[:80], content, "", "", rng.randrange(5000), f"member{member}", f"닉{member}", when, when,
        ))  # fmt: skip
        count = rng.randrange(2 * comments_per_post + 1)
        groups, codes = 0, []
        for _ in range(count):
            wr_id += 1
            if codes and rng.random() < 0.4:
                group, parent = rng.choice(codes)
                code = parent + "A" if len(parent) < 5 else parent[:-1] + "B"
            else:
                groups += 1
                group, code = groups, ""
            codes.append((group, code))
            commenter = rng.randrange(members)
            rows.append((
                wr_id, -(n + 1), "", post_id, 1, group, code, "", "", "", sentence(rng, 10), "", "", 0,
                f"member{commenter}" if commenter % 7 else "", f"닉{commenter}", when, "",
            ))  # fmt: skip
        total_comments += count
        if len(rows) >= 5000:
            db.insert_many("g5_write_news", columns, rows)
            rows = []
    if rows:
        db.insert_many("g5_write_news", columns, rows)
    first = datetime.date(2022, 1, 1)
    db.insert_many(
        "g5_visit_sum",
        ["vs_date", "vs_count"],
        [(first + datetime.timedelta(days=d), 100 + d % 400) for d in range(3 * 365)],
    )
    return total_comments


def cpu_seconds(pid, children=False):
    """User + system CPU of a process so far, from /proc (the machine is shared: wall time alone misleads);
    with `children`, that of its ended children instead (the importer's reading process)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    first = 13 if children else 11
    return (int(fields[first]) + int(fields[first + 1])) / os.sysconf("SC_CLK_TCK")


class BackendWatcher:
    """CPU of every PostgreSQL backend on the import's database (the importer's two connections), sampled
    from /proc five times a second, so a backend that closes at the end is still counted."""

    def __init__(self, database):
        import threading

        import psycopg2

        settings = connection.settings_dict
        self.connection = psycopg2.connect(
            dbname=database, user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
        )
        self.connection.autocommit = True
        self.seen, self.start = {}, {}
        self.done = threading.Event()
        self.sample()
        self.start = dict(self.seen)
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def sample(self):
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            for (pid,) in cursor.fetchall():
                with contextlib.suppress(OSError):  # the backend just ended
                    self.seen[pid] = cpu_seconds(pid)

    def run(self):
        while not self.done.wait(0.2):
            self.sample()

    def stop(self):
        self.done.set()
        self.thread.join()
        self.connection.close()
        return sum(cpu - self.start.get(pid, 0) for pid, cpu in self.seen.items())


def mariadb_pid():
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("mariadbd", "mysqld"):
                    return int(entry.name)
            except OSError:
                continue
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--comments", type=int, default=5, help="comments per post on average")
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--server", default="mysql://root@127.0.0.1:3306")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()

    name = f"g5bench_{args.posts}"
    started = time.monotonic()
    comments = build(args.server, name, args.posts, args.comments, args.members)
    print(f"built {name}: {args.posts:,} posts, {comments:,} comments, {args.members:,} members "
          f"in {time.monotonic() - started:.1f}s")  # fmt: skip
    if args.build_only:
        return
    call_command("migrate", verbosity=0)
    print(f"importing into {connection.vendor} {connection.settings_dict['NAME']}")
    source = Source(args.server.rstrip("/") + "/" + name)
    try:
        importer = Importer(source)
        board = importer.boards()[0]
        importer.ensure_sections([board])
        importer.import_members()
        watcher = BackendWatcher(connection.settings_dict["NAME"]) if connection.vendor == "postgresql" else None
        server_pid = mariadb_pid()

        def cpu():
            return [
                cpu_seconds("self"),
                cpu_seconds("self", children=True),
                cpu_seconds(server_pid) if server_pid else 0,
            ]

        before, load = cpu(), Path("/proc/loadavg").read_text().split()[:3]
        wall = time.monotonic()
        with original_times():
            importer.import_posts(board)
        wall = time.monotonic() - wall
        after = cpu()
        database = watcher.stop() if watcher else 0
        main_, reading, mariadb = (b - a for a, b in zip(before, after, strict=True))
        # Two cores: the four processes share them, and no one of them can go faster than its own CPU time.
        idle = max((main_ + reading + database + mariadb) / 2, main_, reading, database)
        print(
            f"posts stage: {args.posts:,} posts + {comments:,} comments in {wall:.1f}s wall "
            f"= {args.posts / wall:,.0f} posts/s, {comments / wall:,.0f} comments/s on this (shared) machine "
            f"(load average {' '.join(load)} before, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} after)\n"
            f"CPU: importer {main_:.1f}s (both threads) + its reading process {reading:.1f}s + "
            f"{connection.vendor} backends {database:.1f}s + MariaDB {mariadb:.1f}s\n"
            f"idle 2-core estimate (the larger of half the total and the busiest process): {idle:.1f}s "
            f"= {args.posts / idle:,.0f} posts/s, {comments / idle:,.0f} comments/s"
        )
        again = time.monotonic()
        report = Importer(source).run()
        print(f"second run (whole import, nothing new): {time.monotonic() - again:.1f}s")
        for line in report.lines():
            print(line)
    finally:
        source.close()
        if not args.keep:
            with server(args.server).cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")


if __name__ == "__main__":
    main()
