"""Bench only (never in production URLs): the whole Django stack answering one prebuilt response.

    BENCH_PAGE_FILE=/tmp/article.html .venv/bin/gunicorn -c deploy/gunicorn.conf.py bench.ceiling_wsgi

The page in BENCH_PAGE_FILE is read once; every request to any address gets it through the same
middleware as the site, so the figure is what Django itself costs for a page of that size: the
ceiling a Django render path can reach on this machine. Used by bench/page_speed.py.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

PAGE = Path(os.environ["BENCH_PAGE_FILE"]).read_bytes()


def prebuilt(request, rest=""):
    return HttpResponse(PAGE)


urlpatterns = [re_path(r"^(?P<rest>.*)$", prebuilt)]

settings.ROOT_URLCONF = __name__
application = get_wsgi_application()
