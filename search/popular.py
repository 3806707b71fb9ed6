"""인기 검색어: queries that several readers searched in the last 7 days, none that carries personal data.

A search is counted once per reader and day: the dedup key is a keyed hash of
the address, the query and the day, kept in the cache for a day and never in
the database. A query is listed only when at least MIN_READERS different
readers searched it, and never when it looks like a phone number, an e-mail
address, a resident number or a web address.
"""

import datetime
import hashlib
import hmac
import re

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from lib.netaddr import client_ip

from .models import QueryCount

DAYS = 7
MIN_READERS = 3
LIMIT = 10
CACHE_KEY = "search:popular"
CACHE_SECONDS = 600

_EMAIL = re.compile(r"\S@\S")
_PHONE = re.compile(r"\d{2,4}[-. )]*\d{3,4}[-. ]*\d{4}")
_ADDRESS = re.compile(r"https?:|www\.|\.(com|net|kr|org)\b", re.IGNORECASE)
MAX_DIGITS = 6


def is_listable(query):
    """False for anything that may identify a person: e-mail, phone or resident numbers, long digit runs, links."""
    digits = sum(ch.isdigit() for ch in query)
    return not (digits > MAX_DIGITS or _EMAIL.search(query) or _PHONE.search(query) or _ADDRESS.search(query))


def normalize(query):
    return " ".join(query.lower().split())[:100]


def record(request, query):
    """Count this reader's search for `query` today, at most once a day; nothing personal is stored."""
    query = normalize(query)
    if not query or not is_listable(query):
        return
    today = timezone.localdate()
    reader = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}|{query}|{today}"
    digest = hmac.new(settings.SECRET_KEY.encode(), reader.encode(), hashlib.sha256).hexdigest()[:32]
    if not cache.add(f"search:seen:{digest}", 1, timeout=86400):
        return
    if not QueryCount.objects.filter(day=today, query=query).update(count=F("count") + 1):
        try:
            with transaction.atomic():
                QueryCount.objects.create(day=today, query=query, count=1)
        except IntegrityError:  # another reader created today's row first
            QueryCount.objects.filter(day=today, query=query).update(count=F("count") + 1)
    if cache.add(f"search:purged:{today}", 1, timeout=86400):
        QueryCount.objects.filter(day__lt=today - datetime.timedelta(days=DAYS * 4)).delete()


def popular_queries():
    """The LIMIT queries most readers searched in the last DAYS days (cached for ten minutes)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        since = timezone.localdate() - datetime.timedelta(days=DAYS - 1)
        rows = (
            QueryCount.objects.filter(day__gte=since)
            .values("query")
            .annotate(readers=Sum("count"))
            .filter(readers__gte=MIN_READERS)
            .order_by("-readers", "query")[: LIMIT * 2]
        )
        found = [row["query"] for row in rows if is_listable(row["query"])][:LIMIT]
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found
