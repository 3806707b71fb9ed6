"""Figures for readers (footer) and for the admin statistics page."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, Q, Sum, When
from django.utils import timezone

from articles.models import Article
from lib.cache import Cached, remember, request_memo

from . import online
from .models import ArticleDailyViews, DailyVisits, OnlineVisitor, Visit
from .services import FIGURES_CACHE_KEY

FIGURES_CACHE_SECONDS = 5
MOST_READ_LIMIT = 10
MOST_READ_DAYS = 7


def _as_date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


_DAILY_SQL = (
    "(SELECT visits FROM {daily} WHERE day = %s), (SELECT visits FROM {daily} WHERE day = %s),"
    " (SELECT visits FROM {daily} ORDER BY visits DESC, day ASC LIMIT 1),"
    " (SELECT day FROM {daily} ORDER BY visits DESC, day ASC LIMIT 1), (SELECT SUM(visits) FROM {daily})"
)
_ONLINE_SQL = (
    ", (SELECT COUNT(*) FROM {online} WHERE last_seen >= %s AND is_member = %s)"
    ", (SELECT COUNT(*) FROM {online} WHERE last_seen >= %s AND is_member = %s)"
)


def _daily_figures(today, online_since=None):
    """오늘, 어제, 최대 (and its day), 전체 and optionally 현재접속자 in one round trip."""
    quote = connection.ops.quote_name
    sql = "SELECT " + _DAILY_SQL + (_ONLINE_SQL if online_since is not None else "")
    sql = sql.format(daily=quote(DailyVisits._meta.db_table), online=quote(OnlineVisitor._meta.db_table))
    params = [today, today - datetime.timedelta(days=1)]
    if online_since is not None:
        params += [online_since, False, online_since, True]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # only our own table names are formatted in
        row = cursor.fetchone()
    figures = {
        "today": row[0] or 0,
        "yesterday": row[1] or 0,
        "best": row[2] or 0,
        "best_day": _as_date(row[3]),
        "total": row[4] or 0,
    }
    if online_since is not None:
        figures.update(guests=row[5], members=row[6])
    return figures


def figures(now=None):
    """Every reader-facing figure: guests, members, today, yesterday, best, best_day, total.

    One database query at most. Only a shared cache (Redis) may hold them, for a few seconds and
    dropped whenever a new visit is counted (so 현재 접속자 is at most FIGURES_CACHE_SECONDS behind
    readers leaving); a per-process cache would show each worker its own stale numbers.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    cached = request_memo(FIGURES_CACHE_KEY, lambda: cache.get(FIGURES_CACHE_KEY))
    if cached is not None and cached["day"] == today:
        return cached
    online_counts = online.redis_counts(now)
    if online_counts is None:
        return _daily_figures(today, online_since=now - online.WINDOW)
    guests, members = online_counts
    cached = {"day": today, **_daily_figures(today), "guests": guests, "members": members}
    cache.set(FIGURES_CACHE_KEY, cached, FIGURES_CACHE_SECONDS)
    remember(FIGURES_CACHE_KEY, cached)
    return cached


def _ranking(since):
    """Published articles viewed since the day `since`, the most views first, with `recent_views`."""
    return (
        Article.objects.published()
        .filter(daily_views__day__gte=since)
        .annotate(recent_views=Sum("daily_views__views"))
        .order_by("-recent_views", "-published_at", "-id")
    )


def ranked_articles(*, days=MOST_READ_DAYS, limit=10, now=None):
    """Published articles with the most views in the last `days` KST days, with `recent_views`."""
    since = timezone.localdate(now) - datetime.timedelta(days=days - 1)
    return list(_ranking(since).for_list()[:limit])


# While fewer than the list's length were read in the last days (a new site, an archive just imported),
# the list is topped up with the most viewed of the newest articles: of this many, read through the
# date index, not a sort of the whole archive by views (560 ms at a million articles).
TOP_UP_CANDIDATES = 1000


def _most_read(limit=MOST_READ_LIMIT):
    """One query: the rows of the `limit` most read of the last days and of the `limit` most viewed of the
    newest TOP_UP_CANDIDATES, the first ranked by their recent views, the others after them by views."""
    since = timezone.localdate() - datetime.timedelta(days=MOST_READ_DAYS - 1)
    published = Article.objects.published()
    ranked = _ranking(since).values_list("pk", flat=True)[:limit]
    newest = published.order_by("-published_at", "-id").values("pk")[:TOP_UP_CANDIDATES]
    most_viewed = (
        Article.objects.filter(pk__in=newest)
        .order_by("-view_count", "-published_at", "-id")
        .values_list("pk", flat=True)[:limit]
    )
    return list(
        published.with_ids_in(ranked, most_viewed)
        .annotate(recent_views=Sum("daily_views__views", filter=Q(daily_views__day__gte=since)))
        .only("id", "title", "published_at", "view_count")
        .order_by(
            F("recent_views").desc(nulls_last=True),
            Case(When(recent_views__isnull=True, then="view_count")).desc(),
            "-published_at",
            "-id",
        )[:limit]
    )


# A ranking, not a figure readers compare: cached briefly, never cleared.
MOST_READ = Cached("visitors:most-read", 120, _most_read)


def most_read(limit=MOST_READ_LIMIT):
    """많이 본 뉴스: the most read of the last 7 days, topped up with the most viewed of the newest
    TOP_UP_CANDIDATES articles while too few were read lately (at most MOST_READ_LIMIT)."""
    return MOST_READ.get()[:limit]


def daily_series(days=30, now=None):
    """[(day, visits)] for the last `days` KST days, oldest first, with zeros for empty days."""
    today = timezone.localdate(now)
    first = today - datetime.timedelta(days=days - 1)
    counts = dict(DailyVisits.objects.filter(day__gte=first).values_list("day", "visits"))
    return [(day, counts.get(day, 0)) for day in (first + datetime.timedelta(days=n) for n in range(days))]


def top_referrers(days=30, limit=10, now=None):
    """[(domain, visits)] of the last `days` days, most first."""
    since = timezone.localdate(now) - datetime.timedelta(days=days - 1)
    return list(
        Visit.objects.filter(day__gte=since)
        .exclude(referrer="")
        .values("referrer")
        .annotate(visits=Count("id"))
        .order_by("-visits", "referrer")
        .values_list("referrer", "visits")[:limit]
    )


def views_since(days, now=None):
    """Total article views of the last `days` KST days."""
    since = timezone.localdate(now) - datetime.timedelta(days=days - 1)
    return ArticleDailyViews.objects.filter(day__gte=since).aggregate(total=Sum("views"))["total"] or 0
