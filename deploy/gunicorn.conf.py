"""gunicorn settings for 퍼스트신문: used by `make serve`, the systemd unit and the README.

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py firstnews.wsgi

Why gthread, 2 workers x 8 threads (measured on a 2-core machine with wrk against the
article page, docs/operations.md): a request spends most of its wall time waiting for
PostgreSQL and Redis, so threads keep both cores busy where sync workers sit idle, and
one worker per core keeps the memory of only two Django processes. More threads than
8 per worker add only GIL contention; more workers than cores add only memory.
Each thread holds its own database connection (DB_CONN_MAX_AGE), so one server uses up
to WEB_CONCURRENCY x GUNICORN_THREADS PostgreSQL connections: keep PostgreSQL's
max_connections above that sum over all app servers.

Every value can be changed from the environment without editing this file:
GUNICORN_BIND, WEB_CONCURRENCY (workers), GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A worker silent this long is killed and replaced; the statement timeout of web requests
# stays below it so that the database gives up first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load the app once in the master: workers start faster and share the imported code.
preload_app = True
# Replace each worker after a few thousand requests so that slow leaks cannot grow.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
# Behind nginx on the same host: take X-Forwarded-Proto only from loopback.
forwarded_allow_ips = "127.0.0.1,::1"
# gunicorn's control socket (~/.gunicorn/gunicorn.ctl) is one path per user: several servers on one
# host would fight over it, and systemd's signals do what we need (HUP reloads, TERM stops).
control_socket_disable = True
