"""The Mozilla HTTP Observatory score of every page type, scanned offline against the local site.

    (cd bench/observatory && npm install --ignore-scripts)      # once: @mdn/mdn-http-observatory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/firstnews REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/observatory.py                   # after migrate + seed_demo

The app runs under gunicorn with the production variables (DEBUG off, SECURE_HTTPS=true,
BEHIND_PROXY=true) behind a small loopback proxy that plays nginx: it forwards each request
with `X-Forwarded-Proto: https`, so the app answers as it does behind TLS (secure cookies, HSTS)
while the scanner talks plain http. The scanner (npm @mdn/mdn-http-observatory, its own test
and grading code) is given `127.0.0.1:PORT/path` as the host to scan. Two of its tests need
real HTTPS (redirection to https, Strict-Transport-Security on an https answer); the column
"w/o https" — is the score with those two left out, which is the target (>= 100).
Loopback only; the servers stop by themselves at the end.
"""

import argparse
import http.client
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bench" / "observatory" / "node_modules" / "@mdn" / "mdn-http-observatory"
HTTPS_ONLY_TESTS = ("redirection", "strict-transport-security")
SECRET_KEY = "observatory-bench-secret-key-not-for-production-0123456789abcdef"  # noqa: S105


def production_env():
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="https://127.0.0.1",
        SECURE_HTTPS="true",
        BEHIND_PROXY="true",
        SERVE_MEDIA="true",
        PYTHONPATH=str(ROOT),
    )
    env.pop("CSP_REPORT_ONLY", None)
    return env


def page_paths():
    """One address of each page type, from the demo content of DATABASE_URL."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.urls import reverse

    from articles.models import Article, Section
    from directory.models import Listing
    from epaper.models import Edition

    article = Article.objects.published().order_by("-published_at").first()
    section = Section.objects.select_related("group").first()
    listing = Listing.objects.first()
    edition = Edition.objects.order_by("-pk").first()
    pages = {
        "home": reverse("articles:home"),
        "article": article.get_absolute_url() if article else None,
        "section": section.get_absolute_url() if section else None,
        "search": reverse("search:search") + "?q=" + quote("파주"),
        "signup": reverse("accounts:signup"),
        "login": reverse("accounts:login"),
        "directory": reverse("directory:index"),
        "directory place": listing.get_absolute_url() if listing else None,
        "e-paper": edition.get_absolute_url() if edition else "/epaper/",
        "news tip": "/contact/tip/",
    }
    return {name: path for name, path in pages.items() if path}


class TLSFrontProxy(http.server.BaseHTTPRequestHandler):
    """What nginx does in front of the app: forward, saying the reader came over https."""

    app_port = 0

    def _forward(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.app_port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "x-forwarded-for")}
        headers.update({"X-Forwarded-Proto": "https", "X-Forwarded-For": self.client_address[0]})
        conn.request(self.command, self.path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        self.send_response_only(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in ("connection", "transfer-encoding", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        conn.close()

    do_GET = do_HEAD = do_OPTIONS = _forward

    def log_message(self, *args):
        pass


def wait_for_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def scan(target):
    node = shutil.which("node") or "node"
    out = subprocess.run(  # noqa: S603 the scanner we installed, on our own loopback address
        [node, str(PACKAGE / "src" / "scan.js"), target], capture_output=True, text=True, timeout=120, check=False
    )
    return json.loads(out.stdout or '{"error": "no output"}')


def score_without_https_tests(result):
    """The score as the scanner computes it (extra credit only from an A without it), leaving out
    the two tests that need real HTTPS."""
    modifiers = [t["scoreModifier"] for name, t in result["tests"].items() if name not in HTTPS_ONLY_TESTS]
    uncurved = 100 + sum(m for m in modifiers if m < 0)
    return 100 + sum(modifiers) if uncurved >= 90 else uncurved


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app-port", type=int, default=8211)
    parser.add_argument("--proxy-port", type=int, default=8210)
    parser.add_argument("--min-score", type=int, default=100, help="exit 1 if a page scores lower (w/o https)")
    args = parser.parse_args()
    if shutil.which("node") is None or not PACKAGE.exists():
        raise SystemExit("needs node and `npm install --ignore-scripts` in bench/observatory")
    preload = PACKAGE / "conf" / "hsts-preload.json"
    if not preload.exists():  # normally downloaded by an install script; loopback is on no preload list
        preload.write_text("{}")

    env = production_env()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    paths = page_paths()
    app = subprocess.Popen(  # noqa: S603 our own gunicorn
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "firstnews.wsgi",
            "-b",
            f"127.0.0.1:{args.app_port}",
            "-w",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    TLSFrontProxy.app_port = args.app_port
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", args.proxy_port), TLSFrontProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    rows, worst = [], None
    try:
        wait_for_port(args.app_port)
        for name, path in paths.items():
            result = scan(f"127.0.0.1:{args.proxy_port}{path}")
            if "error" in result:
                rows.append((name, path, "-", "-", "-", result["error"]))
                worst = -1
                continue
            adjusted = score_without_https_tests(result)
            failed = [t["result"] for n, t in result["tests"].items() if not t["pass"] and n not in HTTPS_ONLY_TESTS]
            rows.append((name, path, result["scan"]["score"], result["scan"]["grade"], adjusted, ", ".join(failed)))
            worst = adjusted if worst is None else min(worst, adjusted)
    finally:
        proxy.shutdown()
        app.terminate()
        app.wait(timeout=30)
    print(f"{'page':<16} {'score':>5} {'grade':>5} {'w/o https':>9}  failed (besides the https-only tests)  path")
    for name, path, score, grade, adjusted, failed in rows:
        print(f"{name:<16} {score!s:>5} {grade:>5} {adjusted!s:>9}  {failed or '-':<38} {path}")
    sys.exit(0 if worst is not None and worst >= args.min_score else 1)


if __name__ == "__main__":
    main()
