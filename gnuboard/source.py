"""Reading a Gnuboard5 database (MySQL or MariaDB) with PyMySQL, the import's only use of it."""

import re
from urllib.parse import unquote, urlsplit

import pymysql
import pymysql.cursors

TABLE_NAME = re.compile(r"^[0-9A-Za-z_]+$")


class SourceError(Exception):
    """The source database cannot be read as a Gnuboard5 database."""


def connect(url):
    """A connection from ``mysql://user:pass@host:port/name`` (MySQL and MariaDB alike)."""
    parts = urlsplit(url)
    if parts.scheme not in ("mysql", "mariadb") or not parts.path.strip("/"):
        raise SourceError("--db 는 mysql://사용자:비밀번호@호스트:포트/데이터베이스 형식이어야 합니다.")
    try:
        return pymysql.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            database=unquote(parts.path.strip("/")),
            charset="utf8mb4",
            autocommit=True,
        )
    except pymysql.MySQLError as error:
        raise SourceError(f"그누보드5 데이터베이스에 연결할 수 없습니다: {error}") from error


class Source:
    """Queries on one Gnuboard5 database; big tables are streamed with server-side cursors."""

    def __init__(self, url, prefix="g5_"):
        if not TABLE_NAME.match(prefix):
            raise SourceError("--prefix 에는 영문, 숫자, _ 만 쓸 수 있습니다.")
        self.url = url
        self.prefix = prefix
        self.connection = connect(url)
        self._columns = {}

    def close(self):
        self.connection.close()

    def table(self, name):
        return f"`{self.prefix}{name}`"

    def write_table(self, board):
        if not TABLE_NAME.match(board):
            raise SourceError(f"게시판 이름이 올바르지 않습니다: {board!r}")
        return self.table(f"write_{board}")

    def columns(self, name):
        """The columns a table has: older Gnuboard5 versions lack a few (wr_seo_title, mb_marketing_agree)."""
        if name not in self._columns:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    "AND table_name = %s",
                    [self.prefix + name],
                )
                self._columns[name] = {row[0].lower() for row in cursor.fetchall()}
        return self._columns[name]

    def has_table(self, name):
        return bool(self.columns(name))

    def all(self, sql, params=()):
        with self.connection.cursor(pymysql.cursors.DictCursor) as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def value(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
            return row[0] if row else None

    def stream(self, sql, params=(), size=1000):
        """Rows in lists of ``size``, read through a server-side cursor on a connection of its own,
        so other queries can run between two lists."""
        connection = connect(self.url)
        try:
            with connection.cursor(pymysql.cursors.SSDictCursor) as cursor:
                cursor.execute(sql, params)
                while rows := cursor.fetchmany(size):
                    yield list(rows)
        finally:
            connection.close()

    def optional(self, table, column, default="''"):
        """A column if this version has it, else a constant under its name."""
        return f"`{column}`" if column in self.columns(table) else f"{default} AS `{column}`"
