"""Exact figures with two app servers of several gunicorn workers sharing one database
(and Redis when REDIS_URL is set), as in production: no count may live in one process."""

import concurrent.futures
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = 60
CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

SETUP = """
from django.contrib.auth import get_user_model
from articles.models import Article, Section
reporter = get_user_model().objects.create_user("reporter", password="x-long-password", is_staff=True)
for title in ("첫 기사", "둘째 기사"):
    Article.objects.create(section=Section.objects.get(slug="paju"), title=title, reporter=reporter, status="published")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two gunicorn app servers (3 and 2 workers) on one SQLite file, plus Redis if configured."""
    tmp = tmp_path_factory.mktemp("many")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "SECRET_KEY": "many-processes-test-secret-key-0123456789-abcdefghijklmnop",
        "VAR_DIR": str(tmp),
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_MANIFEST": "false",
        "DB_CONN_MAX_AGE": "0",
        "CACHE_KEY_PREFIX": f"many-{os.getpid()}",
        "VISITORS_NEW_PER_ADDRESS": "100000",  # every simulated browser comes from 127.0.0.1
        "DJANGO_SETTINGS_MODULE": "firstnews.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603 our own interpreter
    subprocess.run([*manage, "shell", "-c", SETUP], cwd=ROOT, env=env, check=True)  # noqa: S603 our own interpreter
    servers, urls = [], []
    for workers in (3, 2):
        port = free_port()
        servers.append(
            subprocess.Popen(  # noqa: S603 our own interpreter
                [sys.executable, "-m", "gunicorn", "firstnews.wsgi", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", str(workers), "--log-level", "warning"],
                cwd=ROOT,
                env=env,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            for _ in range(150):
                try:
                    # A crawler's hit, so that waiting for the server counts no visitor.
                    probe = urllib.request.Request(url + "/v/", headers={"User-Agent": GOOGLEBOT})  # noqa: S310 local
                    urllib.request.urlopen(probe, timeout=2)  # noqa: S310 our own local server
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail(f"gunicorn did not start at {url}")
        yield {"urls": urls, "db": tmp / "db.sqlite3"}
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


class Browser:
    """A browser with its own cookie jar that runs the page's beacon like visitors.js does."""

    def __init__(self, user_agent=CHROME):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.opener.addheaders = [("User-Agent", user_agent)]

    def read(self, server, path):
        with self.opener.open(server + path, timeout=30) as response:
            page = response.read().decode()
            assert response.headers.get("Set-Cookie") is None, "pages must stay cacheable"
        beacon, article = re.search(r'data-url="([^"]+)"(?: data-article="(\d+)")?', page).groups()
        body = f"a={article}".encode() if article else b""
        with self.opener.open(urllib.request.Request(server + beacon, data=body, method="POST"), timeout=30) as answer:  # noqa: S310 our own local server
            assert answer.status == 204
        return page


def table(db, sql):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_hundreds_of_hits_from_distinct_browsers_through_two_servers_count_exactly(site):
    first, second = site["urls"]

    def visit(number):
        browser = Browser()
        # Each browser reads several pages on both servers, and its first article twice.
        browser.read(first if number % 2 else second, "/article/1/")
        browser.read(second if number % 2 else first, "/")
        browser.read(first, "/article/1/")
        if number % 3 == 0:
            browser.read(second, "/article/2/")

    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(visit, range(BROWSERS)))
    crawler = Browser(GOOGLEBOT)
    for server in site["urls"]:
        crawler.read(server, "/article/1/")

    for server in site["urls"]:
        page = Browser().opener.open(server + "/section/news/", timeout=30).read().decode()
        text = re.sub(r"<[^>]+>", "", page)
        assert f"손님 : {BROWSERS} 명 | 회원 : 0 명" in text
        assert f"오늘 {BROWSERS}" in text and f"전체 {BROWSERS}" in text
    views = dict(table(site["db"], "SELECT title, view_count FROM articles_article"))
    assert views == {"첫 기사": BROWSERS, "둘째 기사": BROWSERS // 3}
    assert table(site["db"], "SELECT COUNT(*) FROM visitors_visit") == [(BROWSERS,)]


def test_the_database_never_holds_an_address(site):
    Browser().read(site["urls"][0], "/")
    with sqlite3.connect(site["db"]) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in tables:
            for row in connection.execute(f'SELECT * FROM "{name}"'):  # noqa: S608 names from sqlite_master
                assert "127.0.0.1" not in " ".join(map(str, row)), name
