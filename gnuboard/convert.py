"""Turning Gnuboard5 values into this site's: dates, bodies, fingerprints, comment placement."""

import datetime
import hashlib
import html
import re
import zoneinfo

KST = zoneinfo.ZoneInfo("Asia/Seoul")
EDITOR_IMAGE = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*["']?)([^"'\s>]*/data/editor/([0-9A-Za-z_./-]+))""", re.I)


def kst(value, default=None):
    """A Gnuboard datetime (naive, Korean time; '0000-00-00 …' when empty) as an aware datetime."""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return default
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=KST) if value.tzinfo is None else value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=KST)
    return default


def ymd(value):
    """mb_leave_date / mb_intercept_date: 'YYYYMMDD' or empty."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.datetime.strptime(value[:8], "%Y%m%d").replace(tzinfo=KST)
    except ValueError:
        return datetime.datetime(2000, 1, 1, tzinfo=KST)


def fingerprint(*values):
    return hashlib.md5(repr(values).encode(), usedforsecurity=False).hexdigest()


def options(row):
    return set((row.get("wr_option") or "").split(","))


def is_secret(row):
    return "secret" in options(row)


def text_paragraphs(text):
    """A plain-text post as paragraphs: blank lines separate them, single line breaks stay."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join("<p>" + html.escape(block).replace("\n", "<br>") + "</p>" for block in blocks)


def post_html(row):
    """The post's body as HTML before sanitising: HTML posts as written, text posts as paragraphs."""
    content = row.get("wr_content") or ""
    found = options(row)
    if "html1" in found:
        body = content
    elif "html2" in found:  # HTML with automatic line breaks
        body = content.replace("\r\n", "\n").replace("\n", "<br>")
    else:
        body = text_paragraphs(content)
    links = [link.strip() for link in (row.get("wr_link1") or "", row.get("wr_link2") or "") if link.strip()]
    if links:
        items = "".join(f'<li><a href="{html.escape(link)}">{html.escape(link)}</a></li>' for link in links)
        body += f"<p>관련 링크</p><ul>{items}</ul>"
    return body


def post_fingerprint(row):
    return fingerprint(
        row["wr_subject"],
        row["wr_content"],
        row["wr_option"],
        row["ca_name"],
        row["wr_link1"],
        row["wr_link2"],
        row["mb_id"],
        row["wr_name"],
        row["wr_datetime"],
        row.get("wr_file", 0),
    )


def comment_fingerprint(row):
    return fingerprint(row["wr_content"], row["wr_option"], row["mb_id"], row["wr_name"], row["wr_datetime"])


def comment_order(row):
    """Gnuboard shows a post's comments by group (wr_comment), then reply code ('', 'A', 'AB', …)."""
    return (row["wr_comment"], row["wr_comment_reply"] or "", row["wr_id"])


def parent_code(code):
    """Reply codes of the ancestors of a comment, nearest first ('AB' → 'A', '')."""
    return [code[:length] for length in range(len(code) - 1, -1, -1)]
