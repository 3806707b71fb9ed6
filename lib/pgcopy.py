"""Rows into a PostgreSQL table with COPY, the fast way in for bulk loads (psycopg2's copy_expert)."""

import datetime
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_ESCAPES = re.compile(r"[\\\t\n\r]")
_ESCAPED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _text(value: str) -> str:
    # Most text holds none of the four: four scans in C are cheaper than a regular expression per value.
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return _ESCAPES.sub(lambda match: _ESCAPED[match.group()], value)
    return value


def _null(_value: object) -> str:
    return r"\N"


# The common types, formatted without walking copy_value's checks (bulk loads send millions of values).
_FAST: dict[type, Callable[[Any], str]] = {
    str: _text,
    int: str,
    type(None): _null,
    datetime.datetime: datetime.datetime.isoformat,
}


def copy_value(value: object) -> str:
    """One field in COPY's text format: \\N for NULL, t/f, ISO times, {"…"} arrays, escaped text."""
    fast = _FAST.get(type(value))
    if fast is not None:
        return fast(value)
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
    fast, write = _FAST.get, buffer.write
    for row in rows:
        write("\t".join([fast(type(value), copy_value)(value) for value in row]))
        write("\n")
    buffer.seek(0)
    raw = getattr(cursor, "cursor", cursor)
    raw.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
