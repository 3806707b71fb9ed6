"""Writing many rows fast: ids taken ahead, plain tuples copied in (COPY on PostgreSQL)."""

import json

from django.db import connection, models

from lib.pgcopy import copy_rows

_SEQUENCES = {}


def allocate_ids(model, n):
    """n primary keys for rows about to be inserted, in increasing order."""
    if n <= 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if table not in _SEQUENCES:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                _SEQUENCES[table] = cursor.fetchone()[0]
            cursor.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [_SEQUENCES[table], n])
            return sorted(row[0] for row in cursor.fetchall())
        # SQLite has one writer: this batch already holds the write lock, so the ids after the highest are free.
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + n))


def insert_rows(table, fields, rows):
    """INSERT plain tuples (values ready for the database): COPY on PostgreSQL, the fastest way in."""
    if not rows:
        return
    quoted = connection.ops.quote_name(table)
    columns = ", ".join(connection.ops.quote_name(name) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_rows(cursor, quoted, [connection.ops.quote_name(name) for name in fields], rows)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {quoted} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def new_row_values(model):
    """(columns, {column: value}) of a new row of `model`: every concrete field's default, ready for the
    database, to be completed per row and sent with insert_rows()."""
    instance = model()
    columns, values = [], {}
    for field in model._meta.concrete_fields:
        columns.append(field.column)
        value = getattr(instance, field.attname)
        if isinstance(field, models.JSONField):
            values[field.column] = json.dumps(value, cls=field.encoder)  # COPY and SQLite both take the text
        else:
            values[field.column] = field.get_db_prep_save(value, connection)
    return columns, values
