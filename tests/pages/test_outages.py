"""Outages: the database or Redis unreachable gives 503 with Retry-After and our page; Redis down
degrades (pages, beacon and comments still work) and recovers without a restart."""

import os
import shutil
import socket
import subprocess
import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.ports import free_port

REDIS_PORT = free_port()


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def site():
    return Client(raise_request_exception=False)


@pytest.fixture
def redis_on_port(settings):
    """The cache is django-redis (as in production) on a port of its own."""
    if not port_free(REDIS_PORT):
        pytest.skip(f"port {REDIS_PORT} is taken")
    settings.CACHES = {
        "default": {
            "BACKEND": "lib.cache_backend.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "KEY_PREFIX": "outage-test",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1},
        }
    }
    return REDIS_PORT


@pytest.mark.django_db
def test_database_unreachable_gives_503_with_retry_after_and_our_page(site, make_article):
    article = make_article()
    with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=OperationalError("connection to server failed")):
        responses = [site.get("/"), site.get(article.get_absolute_url()), site.post("/accounts/login/")]
    for response in responses:
        assert response.status_code == 503
        assert response["Retry-After"] == "15"
        assert response["Cache-Control"] == "no-store"
        assert "잠시 접속이 어렵습니다" in response.content.decode()
        assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_any_other_error_stays_a_plain_500(site):
    with mock.patch("articles.views.HomeView.get_context_data", side_effect=ValueError("a bug")):
        response = site.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "일시적인 오류가 발생했습니다" in response.content.decode()


@pytest.mark.django_db
def test_with_redis_down_pages_beacon_and_comments_still_work(redis_on_port, site, make_article, member):
    article = make_article()
    assert cache.set("probe", 1) is None and cache.get("probe") is None  # nothing listens: degraded
    assert site.get("/").status_code == 200
    assert site.get(article.get_absolute_url()).status_code == 200
    assert site.post("/v/", {"a": article.pk}).status_code == 204
    site.force_login(member)
    response = site.post(f"/comments/article/{article.pk}/", {"text": "레디스가 멈춰도 댓글은 등록된다"})
    assert response.status_code == 302
    assert article.comments.get().text == "레디스가 멈춰도 댓글은 등록된다"


@pytest.mark.django_db
def test_redis_coming_back_is_used_again_without_a_restart(redis_on_port, site, make_article, tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    article = make_article()
    command = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(tmp_path)]  # fmt: skip

    def start():
        # The server keeps the real clock even when the suite runs under faketime (make test-clock).
        env = {key: value for key, value in os.environ.items() if key not in ("LD_PRELOAD", "FAKETIME")}
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)  # noqa: S603 a fixed local command
        for _ in range(100):
            if not port_free(REDIS_PORT):
                return process
            time.sleep(0.05)
        pytest.fail("redis-server did not start")

    server = start()
    try:
        cache.set("probe", "up")
        assert cache.get("probe") == "up"
        server.terminate()
        server.wait(10)
        assert cache.get("probe") is None
        assert site.get(article.get_absolute_url()).status_code == 200
        server = start()
        cache.set("probe", "back")
        assert cache.get("probe") == "back"
        assert site.get(article.get_absolute_url()).status_code == 200
    finally:
        server.terminate()
        server.wait(10)
