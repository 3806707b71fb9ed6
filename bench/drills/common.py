"""What the drills share: private PostgreSQL and Redis servers, the app under gunicorn, members, HTTP.

Every drill runs against its own PostgreSQL cluster (initdb into a temporary folder) and
its own redis-server, on loopback ports of its own, so that restarting or stopping them
never touches the databases of anything else on the machine. The app runs exactly as
in production: gunicorn with deploy/gunicorn.conf.py, PostgreSQL and Redis, behind a
proxy (BEHIND_PROXY=true: each simulated member comes from its own X-Forwarded-For
address, as they would through nginx).
"""

import collections
import glob
import html
import http.client
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "drill-member-password-2026"  # noqa: S105 a throwaway account of a throwaway database
SECRET_KEY = "drill-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105


def add_service_options(parser, app_port, pg_port=8165, redis_port=8166):
    parser.add_argument("--app-port", type=int, default=app_port, help="gunicorn on 127.0.0.1:PORT")
    parser.add_argument("--pg-port", type=int, default=pg_port, help="the drill's own PostgreSQL cluster")
    parser.add_argument("--redis-port", type=int, default=redis_port, help="the drill's own redis-server")
    parser.add_argument("--pg-bin", help="folder of initdb/pg_ctl (default: the newest /usr/lib/postgresql/*/bin)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: deploy/gunicorn.conf.py)")
    parser.add_argument("--threads", type=int, help="gunicorn threads (default: deploy/gunicorn.conf.py)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, data) afterwards")


def free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise SystemExit(f"{what} did not come up in {seconds} s")


def as_postgres(command):
    """PostgreSQL refuses to run as root: use the postgres account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivatePostgres:
    def __init__(self, workdir, port, bin_dir=None):
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
        self.bin = Path(bin_dir or (candidates[-1] if candidates else "/usr/bin"))
        self.port = port
        self.data = Path(workdir) / "pgdata"
        self.url = f"postgres://postgres@127.0.0.1:{port}/firstnews_drill"

    def _ctl(self, *args, check=True):
        return subprocess.run(  # noqa: S603 our own fixed command
            as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), *args]),
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self):
        if not free(self.port):
            raise SystemExit(f"port {self.port} is taken: choose another --pg-port")
        self.data.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            shutil.chown(self.data, "postgres")
        subprocess.run(  # noqa: S603 our own fixed command
            as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                         "--encoding=UTF8", "--locale=C.UTF-8"]),
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c max_connections=300"
        self._ctl("-o", options, "-l", str(self.data / "server.log"), "-w", "start")
        subprocess.run(  # noqa: S603 our own fixed command
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "firstnews_drill"],
            check=True,
        )

    def restart(self, mode="fast"):
        """Stop (fast: clean; immediate: like a crash) and start again; returns when it accepts connections."""
        self._ctl("-m", mode, "-w", "restart")

    def stop(self):
        self._ctl("-m", "fast", "-w", "stop", check=False)


class PrivateRedis:
    def __init__(self, workdir, port):
        self.port = port
        self.dir = Path(workdir) / "redis"
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        if not free(self.port):
            raise SystemExit(f"port {self.port} is taken: choose another --redis-port")
        self.dir.mkdir(exist_ok=True)
        # The same command as the machine's own Redis, on the drill's port and folder.
        subprocess.run(  # noqa: S603 our own fixed command
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(self.port),  # noqa: S607
             "--save", "", "--appendonly", "no", "--dir", str(self.dir), "--logfile", str(self.dir / "redis.log")],
            check=True,
        )  # fmt: skip
        wait_for(self.ping, 10, "redis-server")

    def ping(self):
        result = subprocess.run(  # noqa: S603 our own fixed command
            ["redis-cli", "-p", str(self.port), "ping"],  # noqa: S607
            capture_output=True,
            text=True,
        )
        return result.stdout.strip() == "PONG"

    def stop(self):
        subprocess.run(  # noqa: S603 our own fixed command
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"],  # noqa: S607
            capture_output=True,
        )
        wait_for(lambda: free(self.port), 10, "redis shutdown")


class Stack:
    """Private PostgreSQL + Redis, the migrated database, and gunicorn as in production."""

    def __init__(self, args):
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="firstnews-drill-"))
        os.chmod(self.workdir, 0o755)  # noqa: S103 the postgres account must reach its data folder inside
        self.pg = PrivatePostgres(self.workdir, args.pg_port, args.pg_bin)
        self.redis = PrivateRedis(self.workdir, args.redis_port)
        self.gunicorn = None
        self.base = f"http://127.0.0.1:{args.app_port}"
        self.environment = {
            **os.environ,
            "DATABASE_URL": self.pg.url,
            "REDIS_URL": self.redis.url,
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "BEHIND_PROXY": "true",
            "VAR_DIR": str(self.workdir / "var"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "CONTACT_UPLOAD_ROOT": str(self.workdir / "private"),
            "STATIC_MANIFEST": "false",
            "CACHE_KEY_PREFIX": "drill",
            "DJANGO_SETTINGS_MODULE": "firstnews.settings",
        }

    def __enter__(self):
        if not free(self.args.app_port):
            raise SystemExit(f"port {self.args.app_port} is taken: choose another --app-port")
        print(f"drill folder {self.workdir}: PostgreSQL :{self.pg.port}, Redis :{self.redis.port}", flush=True)
        self.pg.start()
        self.redis.start()
        os.environ.update(self.environment)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return self

    def start_app(self):
        command = [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py"), "firstnews.wsgi",
                   "--bind", f"127.0.0.1:{self.args.app_port}", "--access-logfile", str(self.workdir / "access.log"),
                   "--error-logfile", str(self.workdir / "gunicorn.log")]  # fmt: skip
        if self.args.workers:
            command += ["--workers", str(self.args.workers)]
        if self.args.threads:
            command += ["--threads", str(self.args.threads)]
        # The app's own log (Django's tracebacks) goes to app.log in the drill folder.
        self.app_log = open(self.workdir / "app.log", "wb")  # noqa: SIM115 open while gunicorn runs
        self.gunicorn = subprocess.Popen(  # noqa: S603 our own command
            command, cwd=ROOT, env=self.environment, stdout=self.app_log, stderr=subprocess.STDOUT
        )
        wait_for(lambda: not free(self.args.app_port), 60, "gunicorn")

    def __exit__(self, *exc):
        from django.db import connections

        connections.close_all()
        if self.gunicorn:
            self.gunicorn.terminate()
            self.gunicorn.wait(40)
            self.app_log.close()
        self.redis.stop()
        self.pg.stop()
        if self.args.keep:
            print(f"kept {self.workdir}")
        else:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def server_errors_logged(self):
        """500s the app logged ("Internal Server Error: /path"; a 503 logs "Service Unavailable")."""
        self.app_log.flush()
        log = self.workdir / "app.log"
        return log.read_text(errors="replace").count("Internal Server Error:") if log.exists() else 0


def make_content(articles, members):
    """Published articles and member accounts (one password hash computed once, shared by all)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from articles.models import Article, Section

    User = get_user_model()
    reporter = User.objects.create(username="drillreporter", nickname="드릴기자", is_staff=True)
    section = Section.objects.order_by("pk").first()
    now = timezone.now()
    created = [
        Article.objects.create(
            section=section,
            reporter=reporter,
            title=f"드릴 기사 {n}",
            summary="장애 훈련용 기사",
            body="<p>" + "파주 시민들이 모여 지역 소식을 나눴다. " * 40 + "</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - timezone.timedelta(minutes=n + 1),
        )
        for n in range(articles)
    ]
    password = make_password(PASSWORD)
    User.objects.bulk_create(
        User(username=f"drill{n:03d}", nickname=f"드릴회원{n}", email=f"drill{n}@example.com", password=password)
        for n in range(members)
    )
    return created, [f"drill{n:03d}" for n in range(members)]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One browser: its own cookies, its own address (X-Forwarded-For), no redirects followed."""

    def __init__(self, base, address, log):
        self.base = base
        self.address = address
        self.log = log
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)

    def request(self, kind, path, data=None, timeout=30):
        """(status, body); status 0 for a connection error or time-out. Every answer goes to the log."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 http://127.0.0.1 only
            self.base + path, data=body, headers={"X-Forwarded-For": self.address}
        )
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, text = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
            if status in (301, 302):
                text = error.headers.get("Location", "")
        except (OSError, http.client.HTTPException):
            status, text = 0, ""
        self.log.append((kind, status, started, time.monotonic()))
        return status, text

    def csrf(self):
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def post_comment(self, article_pk, text, token):
        """Post the article page's comment form (token from that page); returns the status (302 = stored)."""
        status, _ = self.request(
            "comment post",
            f"/comments/article/{article_pk}/",
            {"csrfmiddlewaretoken": self.csrf(), "text": text, "parent": "", "token": token},
        )
        return status

    def login(self, username, attempts=5):
        for _ in range(attempts):
            status, _ = self.request("login form", "/accounts/login/")
            if status == 200:
                status, _ = self.request(
                    "login", "/accounts/login/",
                    {"csrfmiddlewaretoken": self.csrf(), "username": username, "password": PASSWORD},
                )  # fmt: skip
                if status == 302:
                    return True
            time.sleep(1)
        return False


def stored_comments(prefix):
    """How many times each comment text starting with prefix is in the database."""
    from django.db import connections

    from comments.models import Comment

    connections.close_all()  # the drill may have restarted the server under this process's connection
    return collections.Counter(Comment.objects.filter(text__startswith=prefix).values_list("text", flat=True))


STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "no answer")


def status_class(status):
    return "no answer" if status == 0 else f"{status // 100}xx"


def status_table(title, first_column, groups, order):
    """groups: name -> Counter of status_class(); one row per name in order."""
    table(title, [(first_column, *STATUS_CLASSES)] + [(n, *(groups[n][k] for k in STATUS_CLASSES)) for n in order])


def hidden(page, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def run_threads(target, items):
    threads = [threading.Thread(target=target, args=(item,), daemon=True) for item in items]
    for thread in threads:
        thread.start()
    return threads


def table(title, rows):
    """Print a Markdown table: rows is a list of (what, value) or of tuples with a header first."""
    print(f"\n{title}\n")
    header, *body = rows
    print("| " + " | ".join(str(c) for c in header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in body:
        print("| " + " | ".join(str(c) for c in row) + " |")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0
