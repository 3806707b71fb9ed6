"""Rows into a PostgreSQL table with COPY, the fast way in for bulk loads (psycopg2's copy_expert)."""

import datetime
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

_ESCAPES = re.compile(r"[\\\t\n\r]")
_ESCAPED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def copy_value(value: object) -> str:
    """One field in COPY's text format: \\N for NULL, t/f, ISO times, {"…"} arrays, escaped text."""
    if value is None:
        return r"\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        if all(type(item) is int for item in value):
            return "{" + ",".join(map(str, value)) + "}"
        items = ('"' + str(item).replace("\\", "\\\\").replace('"', '\\"') + '"' for item in value)
        value = "{" + ",".join(items) + "}"
    return _ESCAPES.sub(lambda match: _ESCAPED[match.group()], str(value))


def copy_rows(cursor: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """COPY `rows` (sequences in the order of `columns`) into `table`; `cursor` is Django's or psycopg2's."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(copy_value(value) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    raw = getattr(cursor, "cursor", cursor)
    raw.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
