"""The answer to an unhandled error: 503 with Retry-After when the database or Redis is unreachable.

Set as handler500 (firstnews/urls.py). Django calls it while the exception is being handled,
from any view, template or middleware, so one place covers the whole site. A database that
cannot be reached (PostgreSQL restarting, too many connections, SQLite locked) or a Redis
that the code used directly is a passing state: browsers and nginx (proxy_cache_use_stale)
are told to come back shortly. Anything else is the plain 500 page. Both pages are
self-contained templates that need neither the database nor the cache.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

RETRY_AFTER_SECONDS = 15
UNAVAILABLE = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def _unavailable(error):
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    if _unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
