"""deploy/nginx.conf in front of a live app: static and media files, gzip, and the page cache rules.

Runs the real configuration (rendered by deploy/nginx_local.py for a local port) with
Debian's nginx; skipped where nginx is not installed.
"""

import http.client
import importlib.util
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.deploy import urls as front_urls
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX_PORT = free_port()

_spec = importlib.util.spec_from_file_location("nginx_local", ROOT / "deploy" / "nginx_local.py")
nginx_local = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nginx_local)

pytestmark = pytest.mark.skipif(
    nginx_local.nginx_binary() is None, reason="nginx is not installed (apt-get install nginx): the front is not tested"
)


@pytest.fixture
def front(settings, live_server, transactional_db, django_db_serialized_rollback, tmp_path):
    """nginx on a free loopback port in front of the live server, with its own static folder and the test MEDIA_ROOT."""
    settings.ROOT_URLCONF = "tests.deploy.urls"
    front_urls.hits.update(cached=0, uncached=0)
    static_root = tmp_path / "staticfiles"
    (static_root / "css").mkdir(parents=True)
    css = "body { color: #111; }\n" * 200
    (static_root / "css" / "site.0123456789ab.css").write_text(css)
    (static_root / "css" / "site.css").write_text(css)
    media = Path(settings.MEDIA_ROOT)
    (media / "photos").mkdir(parents=True)
    (media / "photos" / "polyglot.html").write_text("<script>alert(1)</script>")
    (media / "photos" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))

    app_port = int(live_server.url.rsplit(":", 1)[1])
    command = nginx_local.prepare(tmp_path / "nginx", NGINX_PORT, app_port, static_root, media)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", NGINX_PORT), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail("nginx did not start: " + process.stderr.read().decode())
            time.sleep(0.05)
    yield
    process.terminate()
    process.wait(10)


def get(path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", NGINX_PORT, timeout=20)
    connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_hashed_static_files_are_cached_for_a_year_and_plain_names_briefly(front):
    response, body = get("/static/css/site.0123456789ab.css")
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("Content-Type") == "text/css"
    assert body.startswith(b"body {")
    response, _ = get("/static/css/site.css")
    assert response.getheader("Cache-Control") == "public, max-age=3600"
    response, _ = get("/static/css/")
    assert response.status == 403  # no directory listing


def test_uploads_are_never_served_as_html_and_folders_are_not_listed(front):
    response, body = get("/media/photos/polyglot.html")
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/octet-stream"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    response, _ = get("/media/photos/photo.png")
    assert response.getheader("Content-Type") == "image/png"
    response, _ = get("/media/photos/")
    assert response.status == 403


def test_html_and_static_text_are_gzipped_for_browsers_that_accept_it(front):
    response, body = get("/_front/uncached/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert body[:2] == b"\x1f\x8b"
    response, _ = get("/_front/uncached/")
    assert response.getheader("Content-Encoding") is None
    response, _ = get("/static/css/site.0123456789ab.css", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"


def test_a_page_that_says_s_maxage_is_served_from_the_cache_also_to_returning_readers(front):
    first, first_body = get("/_front/cached/")
    assert first.status == 200
    assert first.getheader("X-Cache-Status") == "MISS"
    again, again_body = get("/_front/cached/")
    returning, _ = get("/_front/cached/", Cookie="fn_vid=0123456789abcdef; _ga=GA1.1.123.456")
    assert again.getheader("X-Cache-Status") == "HIT"
    assert returning.getheader("X-Cache-Status") == "HIT"
    assert again_body == first_body
    assert "퍼스트신문" in again_body.decode()
    assert front_urls.hits["cached"] == 1


@pytest.mark.parametrize("cookie", ["sessionid=abc123", "csrftoken=abc123", "fn_vid=1; messages=abc123"])
def test_a_request_with_a_personal_cookie_bypasses_the_cache_and_is_not_stored(front, cookie):
    get("/_front/cached/")
    response, _ = get("/_front/cached/", Cookie=cookie)
    assert response.getheader("X-Cache-Status") == "BYPASS"
    assert front_urls.hits["cached"] == 2
    anonymous, _ = get("/_front/cached/")
    assert anonymous.getheader("X-Cache-Status") == "HIT"
    assert anonymous.getheader("X-App-Hit") == "1"  # the first, anonymous answer: the personal one was not kept
    assert front_urls.hits["cached"] == 2


def test_a_private_page_is_not_stored(front):
    get("/_front/uncached/")
    response, _ = get("/_front/uncached/")
    assert response.getheader("X-Cache-Status") == "MISS"
    assert front_urls.hits["uncached"] == 2
