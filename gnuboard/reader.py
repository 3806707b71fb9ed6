# ruff: noqa: S608 - table names come from the prefix and bo_table, both checked by source.TABLE_NAME
"""A board's posts and comments, read from the Gnuboard5 database in batches and turned into what the
import writes (bodies sanitised, dates in KST, fingerprints), optionally in a process of its own.

Reading with the pure-Python driver and sanitising take about as long as writing the batches into
PostgreSQL, so on a big board a process of its own does them and hands batches over a pipe while the
importer writes the previous ones: the machine's two cores work at once. Nothing here touches Django's
database, so the process needs no Django setup.
"""

import datetime
import json
import pickle
import subprocess
import sys
from pathlib import Path

from lib.sanitize import sanitize_html

from . import convert
from .source import Source, SourceError

COMMENT_COLUMNS = "wr_id, wr_parent, wr_comment, wr_comment_reply, wr_option, wr_content, mb_id, wr_name, wr_datetime"
POST_COLUMNS = (
    "wr_id, wr_num, ca_name, wr_option, wr_subject, wr_content, wr_link1, wr_link2, wr_hit, mb_id, wr_name, "
    "wr_datetime, wr_file"
)


def written_name(row):
    return (row["wr_name"] or "").strip()[:255] or "손님"


def post_values(row, now):
    """What the import needs of a post row; the body is sanitised here, once."""
    secret = convert.is_secret(row)
    published = convert.kst(row["wr_datetime"], now)
    return {
        "wr_id": row["wr_id"],
        "mb_id": row["mb_id"] or "",
        "name": written_name(row),
        "hits": row["wr_hit"] or 0,
        "seo_title": (row.get("wr_seo_title") or "")[:255],
        "category": (row["ca_name"] or "").strip()[:40],
        "secret": secret,
        "fingerprint": convert.post_fingerprint(row),
        "title": (row["wr_subject"] or "").strip()[:200] or "(제목 없음)",
        "body": "" if secret else sanitize_html(convert.post_html(row)),
        "published": published,
    }


def comment_values(row, now):
    return {
        "wr_id": row["wr_id"],
        "wr_parent": row["wr_parent"],
        "group": row["wr_comment"],
        "reply": row["wr_comment_reply"] or "",
        "mb_id": row["mb_id"] or "",
        "name": written_name(row),
        "secret": convert.is_secret(row),
        "fingerprint": convert.comment_fingerprint(row),
        "text": (row["wr_content"] or "").replace("\r\n", "\n").strip(),
        "created": convert.kst(row["wr_datetime"], now),
    }


def read_batches(url, prefix, board, batch_size):
    """(posts, comments) per batch of posts in wr_id order; comments in Gnuboard's display order."""
    source = Source(url, prefix)
    try:
        table = source.write_table(board)
        seo = source.optional(f"write_{board}", "wr_seo_title")
        sql = f"SELECT {POST_COLUMNS}, {seo} FROM {table} WHERE wr_is_comment = 0 ORDER BY wr_id"
        for posts in source.stream(sql, size=batch_size):
            comments = source.all(
                f"SELECT {COMMENT_COLUMNS} FROM {table} WHERE wr_is_comment = 1 AND wr_num IN %s AND wr_parent IN %s",
                [sorted({post["wr_num"] for post in posts}), [post["wr_id"] for post in posts]],
            )
            comments.sort(key=lambda row: (row["wr_parent"], *convert.comment_order(row)))
            now = datetime.datetime.now(datetime.UTC)
            yield [post_values(row, now) for row in posts], [comment_values(row, now) for row in comments]
    finally:
        source.close()


class ReaderError(SourceError):
    """The reading process failed."""


def batches(url, prefix, board, batch_size, *, separate):
    """read_batches(), in a process of its own when `separate` (the importer keeps writing meanwhile).

    The process is `python -m gnuboard.reader` (so nothing depends on how the importer was started); it
    gets its arguments on stdin (the address may hold a password) and sends pickled batches on stdout.
    """
    if not separate:
        yield from read_batches(url, prefix, board, batch_size)
        return
    process = subprocess.Popen(  # noqa: S603 - this interpreter, this module
        [sys.executable, "-m", "gnuboard.reader"],
        cwd=Path(__file__).resolve().parent.parent,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        process.stdin.write(json.dumps([url, prefix, board, batch_size]).encode() + b"\n")
        process.stdin.close()
        while True:
            try:
                kind, value = pickle.load(process.stdout)  # noqa: S301 - our own child process
            except EOFError:
                error = process.stderr.read().decode(errors="replace").strip().splitlines()
                raise ReaderError(
                    f"게시글을 읽는 프로세스가 멈췄습니다: {error[-1] if error else process.wait()}"
                ) from None
            if kind == "done":
                break
            if kind == "error":
                raise ReaderError(value)
            yield value
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def main():
    url, prefix, board, batch_size = json.loads(sys.stdin.readline())
    out = sys.stdout.buffer
    try:
        for batch in read_batches(url, prefix, board, batch_size):
            pickle.dump(("batch", batch), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(("done", None), out)
    except Exception as error:  # noqa: BLE001 - handed to the importer, which raises it
        pickle.dump(("error", f"{type(error).__name__}: {error}"), out)
    out.flush()


if __name__ == "__main__":
    main()
