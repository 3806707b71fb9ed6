# ruff: noqa: S608 - table names are the fixed g5_ prefix and checked board names
"""A Gnuboard5-shaped database in MySQL/MariaDB, for the tests, the benchmark and anyone trying the import.

The tables hold the columns the importer reads, with Gnuboard5's names and types (install/gnuboard5.sql
and adm/sql_write.sql of Gnuboard 5.6); a real Gnuboard5 database has more columns, which are not read.
"""

import base64
import hashlib
import os

import pymysql

GROUP = """CREATE TABLE g5_group (
  gr_id varchar(10) NOT NULL DEFAULT '', gr_subject varchar(255) NOT NULL DEFAULT '',
  gr_order int NOT NULL DEFAULT 0, PRIMARY KEY (gr_id)
) DEFAULT CHARSET=utf8mb4"""
BOARD = """CREATE TABLE g5_board (
  bo_table varchar(20) NOT NULL DEFAULT '', gr_id varchar(255) NOT NULL DEFAULT '',
  bo_subject varchar(255) NOT NULL DEFAULT '', bo_order int NOT NULL DEFAULT 0,
  bo_count_write int NOT NULL DEFAULT 0, bo_count_comment int NOT NULL DEFAULT 0,
  PRIMARY KEY (bo_table)
) DEFAULT CHARSET=utf8mb4"""
MEMBER = """CREATE TABLE g5_member (
  mb_no int NOT NULL AUTO_INCREMENT, mb_id varchar(20) NOT NULL DEFAULT '',
  mb_password varchar(255) NOT NULL DEFAULT '', mb_name varchar(255) NOT NULL DEFAULT '',
  mb_nick varchar(255) NOT NULL DEFAULT '', mb_email varchar(255) NOT NULL DEFAULT '',
  mb_level tinyint NOT NULL DEFAULT 0, mb_today_login datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  mb_datetime datetime NOT NULL DEFAULT '0000-00-00 00:00:00', mb_leave_date varchar(8) NOT NULL DEFAULT '',
  mb_intercept_date varchar(8) NOT NULL DEFAULT '', mb_mailling tinyint NOT NULL DEFAULT 0,
  mb_mailling_date datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  mb_marketing_agree tinyint(1) NOT NULL DEFAULT 0,
  mb_marketing_date datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  PRIMARY KEY (mb_no), UNIQUE KEY mb_id (mb_id)
) DEFAULT CHARSET=utf8mb4"""
BOARD_FILE = """CREATE TABLE g5_board_file (
  bo_table varchar(20) NOT NULL DEFAULT '', wr_id int NOT NULL DEFAULT 0, bf_no int NOT NULL DEFAULT 0,
  bf_source varchar(255) NOT NULL DEFAULT '', bf_file varchar(255) NOT NULL DEFAULT '',
  bf_content text NOT NULL, bf_type tinyint NOT NULL DEFAULT 0,
  bf_datetime datetime NOT NULL DEFAULT '0000-00-00 00:00:00', PRIMARY KEY (bo_table, wr_id, bf_no)
) DEFAULT CHARSET=utf8mb4"""
VISIT_SUM = """CREATE TABLE g5_visit_sum (
  vs_date date NOT NULL DEFAULT '0000-00-00', vs_count int NOT NULL DEFAULT 0, PRIMARY KEY (vs_date)
) DEFAULT CHARSET=utf8mb4"""
WRITE = """CREATE TABLE g5_write_{board} (
  wr_id int NOT NULL AUTO_INCREMENT, wr_num int NOT NULL DEFAULT 0, wr_reply varchar(10) NOT NULL DEFAULT '',
  wr_parent int NOT NULL DEFAULT 0, wr_is_comment tinyint NOT NULL DEFAULT 0, wr_comment int NOT NULL DEFAULT 0,
  wr_comment_reply varchar(5) NOT NULL DEFAULT '', ca_name varchar(255) NOT NULL DEFAULT '',
  wr_option set('html1','html2','secret','mail') NOT NULL DEFAULT '', wr_subject varchar(255) NOT NULL DEFAULT '',
  wr_content text NOT NULL, wr_seo_title varchar(255) NOT NULL DEFAULT '', wr_link1 text NOT NULL,
  wr_link2 text NOT NULL, wr_hit int NOT NULL DEFAULT 0, mb_id varchar(20) NOT NULL DEFAULT '',
  wr_password varchar(255) NOT NULL DEFAULT '', wr_name varchar(255) NOT NULL DEFAULT '',
  wr_datetime datetime NOT NULL DEFAULT '0000-00-00 00:00:00', wr_file tinyint NOT NULL DEFAULT 0,
  wr_last varchar(19) NOT NULL DEFAULT '',
  PRIMARY KEY (wr_id), KEY wr_seo_title (wr_seo_title), KEY wr_num_reply_parent (wr_num, wr_reply, wr_parent),
  KEY wr_is_comment (wr_is_comment, wr_id)
) DEFAULT CHARSET=utf8mb4"""


def gnuboard_pbkdf2(password, salt=None, iterations=12000):
    """The hash Gnuboard 5.4+ stores: the salt is used as its base64 text, the key is 24 bytes."""
    salt = salt or base64.b64encode(os.urandom(24)).decode()
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations, dklen=24)
    return f"sha256:{iterations}:{salt}:{base64.b64encode(key).decode()}"


def server(url="mysql://root@127.0.0.1:3306"):
    """A connection to the server (no database chosen) from a mysql:// address."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    return pymysql.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 3306,
        user=unquote(parts.username or "root"),
        password=unquote(parts.password or ""),
        charset="utf8mb4",
        autocommit=True,
        connect_timeout=3,
    )


class SampleDatabase:
    """Creates a database with empty Gnuboard5 tables and writes rows the way Gnuboard's forms do."""

    def __init__(self, connection, name, boards):
        self.connection, self.name = connection, name
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
            cursor.execute(f"USE `{name}`")
            for ddl in (GROUP, BOARD, MEMBER, BOARD_FILE, VISIT_SUM):
                cursor.execute(ddl)
            for board in boards:
                cursor.execute(WRITE.format(board=board))

    def drop(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{self.name}`")

    def insert(self, table, **values):
        columns = ", ".join(f"`{column}`" for column in values)
        marks = ", ".join(["%s"] * len(values))
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO `{table}` ({columns}) VALUES ({marks})", list(values.values()))
            return cursor.lastrowid

    def insert_many(self, table, columns, rows):
        names = ", ".join(f"`{column}`" for column in columns)
        marks = ", ".join(["%s"] * len(columns))
        with self.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO `{table}` ({names}) VALUES ({marks})", rows)

    def group(self, gr_id, subject, order=0):
        self.insert("g5_group", gr_id=gr_id, gr_subject=subject, gr_order=order)

    def board(self, bo_table, gr_id, subject, order=0):
        self.insert("g5_board", bo_table=bo_table, gr_id=gr_id, bo_subject=subject, bo_order=order)

    def member(self, mb_id, password_hash, **values):
        values.setdefault("mb_name", mb_id)
        values.setdefault("mb_nick", mb_id)
        values.setdefault("mb_email", f"{mb_id}@example.com")
        values.setdefault("mb_level", 2)
        values.setdefault("mb_datetime", "2015-03-02 09:00:00")
        return self.insert("g5_member", mb_id=mb_id, mb_password=password_hash, **values)

    def post(self, board, subject, content, *, when="2016-05-04 10:20:30", **values):
        """A post as bbs/write_update.php writes it: wr_num is the negative of its order, wr_parent itself."""
        table = f"g5_write_{board}"
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MIN(wr_num), 0) - 1 FROM `{table}`")
            num = cursor.fetchone()[0]
        values.setdefault("wr_name", values.get("mb_id") or "손님")
        wr_id = self.insert(
            table,
            wr_num=num,
            wr_subject=subject,
            wr_content=content,
            wr_link1=values.pop("wr_link1", ""),
            wr_link2=values.pop("wr_link2", ""),
            wr_datetime=when,
            wr_last=when,
            **values,
        )
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE `{table}` SET wr_parent = %s WHERE wr_id = %s", [wr_id, wr_id])
        return wr_id

    def comment(self, board, post_id, content, *, reply_to=None, when="2016-05-05 08:00:00", **values):
        """A comment as bbs/write_comment_update.php writes it: a new group, or the next reply code under one."""
        table = f"g5_write_{board}"
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT wr_num FROM `{table}` WHERE wr_id = %s", [post_id])
            num = cursor.fetchone()[0]
            if reply_to is None:
                cursor.execute(
                    f"SELECT COALESCE(MAX(wr_comment), 0) + 1 FROM `{table}` WHERE wr_parent = %s AND wr_is_comment = 1",
                    [post_id],
                )
                group, code = cursor.fetchone()[0], ""
            else:
                cursor.execute(f"SELECT wr_comment, wr_comment_reply FROM `{table}` WHERE wr_id = %s", [reply_to])
                group, parent_code = cursor.fetchone()
                length = len(parent_code) + 1
                cursor.execute(
                    f"SELECT MAX(SUBSTRING(wr_comment_reply, {length}, 1)) FROM `{table}` "
                    "WHERE wr_parent = %s AND wr_comment = %s AND SUBSTRING(wr_comment_reply, %s, 1) <> '' "
                    "AND wr_comment_reply LIKE %s",
                    [post_id, group, length, parent_code + "%"],
                )
                last = cursor.fetchone()[0]
                code = parent_code + (chr(ord(last) + 1) if last else "A")
        values.setdefault("wr_name", values.get("mb_id") or "손님")
        comment_id = self.insert(
            table,
            wr_num=num,
            wr_parent=post_id,
            wr_is_comment=1,
            wr_comment=group,
            wr_comment_reply=code,
            wr_content=content,
            wr_link1="",
            wr_link2="",
            wr_datetime=when,
            **values,
        )
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE `{table}` SET wr_comment = wr_comment + 1 WHERE wr_id = %s", [post_id])
        return comment_id
