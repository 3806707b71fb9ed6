"""gunicorn settings for 퍼스트신문: used by `make serve`, the systemd unit and the README.

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py firstnews.wsgi

Why gthread, 4 workers x 2 threads (measured on a 2-core machine with wrk against the
article page, docs/operations.md): a warm render is almost all CPU (one query, a few
Redis reads), so many threads in one process only contend for its GIL (2 x 8 cost
40-60 % more CPU per request and served the fewest); a second thread per process fills
the waits that remain (a search, a cold fragment). Each thread holds its own database
connection (DB_CONN_MAX_AGE), so one server uses up to WEB_CONCURRENCY x GUNICORN_THREADS
PostgreSQL connections: keep PostgreSQL's max_connections above that sum over all app
servers.

Every value can be changed from the environment without editing this file:
GUNICORN_BIND, WEB_CONCURRENCY (workers), GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
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
