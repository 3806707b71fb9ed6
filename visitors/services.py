"""Recording a beacon hit: the visit of the day, the article view of the day, 현재접속자.

Each kind of row is written at most once per visitor per KST day (per article
for views). A shared-cache marker skips the database for repeat hits; the
unique constraints decide, so the figures stay exact even when the marker is
missing (per-process cache, eviction, another app server).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from lib.cache import forget

from . import online
from .identity import Visitor
from .models import ArticleDailyViews, ArticleView, DailyVisits, Visit

FIGURES_CACHE_KEY = "visitors:figures"


def _seconds_left_today(now: datetime.datetime) -> int:
    local = timezone.localtime(now)
    midnight = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return int((midnight - local).total_seconds()) + 60


def visit_record(*, visitor: Visitor, day: datetime.date, referrer: str = "") -> bool:
    """Count the visitor once for `day`; True if this call counted them."""
    try:
        with transaction.atomic():
            Visit.objects.create(
                day=day, visitor=visitor.daily_hash(day), is_member=visitor.is_member, referrer=referrer
            )
            DailyVisits.objects.bulk_create([DailyVisits(day=day)], ignore_conflicts=True)
            DailyVisits.objects.filter(day=day).update(visits=F("visits") + 1)
    except IntegrityError:
        return False
    cache.delete(FIGURES_CACHE_KEY)  # the row is committed: the footer shows it at once
    forget(FIGURES_CACHE_KEY)
    return True


def article_view_record(*, visitor: Visitor, day: datetime.date, article_id: int) -> bool:
    """Count one view of a published article by the visitor on `day`; True if this call counted it."""
    if not Article.objects.published().filter(pk=article_id).exists():
        return False
    try:
        with transaction.atomic():
            ArticleView.objects.create(day=day, article_id=article_id, visitor=visitor.daily_hash(day))
            ArticleDailyViews.objects.bulk_create(
                [ArticleDailyViews(day=day, article_id=article_id)], ignore_conflicts=True
            )
            ArticleDailyViews.objects.filter(day=day, article_id=article_id).update(views=F("views") + 1)
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
    except IntegrityError:
        return False
    return True


def _seen_marker(visitor: Visitor, day: datetime.date) -> str:
    return f"visitors:seen:{day.isoformat()}:{visitor.daily_hash(day)}"


def seen_today(visitor: Visitor, now: datetime.datetime | None = None) -> bool:
    """True when the visitor's visit of today is already counted (as far as the shared cache knows)."""
    return cache.get(_seen_marker(visitor, timezone.localdate(now or timezone.now()))) is not None


def hit_record(
    *, visitor: Visitor, article_id: int | None = None, referrer: str = "", now: datetime.datetime | None = None
) -> None:
    """Everything one beacon hit counts. Writes only what is new for this visitor today."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    online.touch(visitor, now, day)
    ttl = _seconds_left_today(now)
    marker = _seen_marker(visitor, day)
    if cache.add(marker, True, ttl):
        _unless_failed(marker, visit_record, visitor=visitor, day=day, referrer=referrer)
    if article_id is not None and cache.add(f"{marker}:{article_id}", True, ttl):
        _unless_failed(f"{marker}:{article_id}", article_view_record, visitor=visitor, day=day, article_id=article_id)
    if cache.add(f"visitors:purged:{day.isoformat()}", True, 2 * 24 * 60 * 60):
        visits_purge(now=now)


def _unless_failed(marker: str, record: Callable[..., bool], **kwargs: Any) -> None:
    """Run `record`; if the database fails, drop the marker so the next hit tries again."""
    try:
        record(**kwargs)
    except Exception:
        cache.delete(marker)
        raise


def visits_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete raw rows older than the retention period; daily sums stay."""
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - datetime.timedelta(days=settings.VISITORS_RETENTION_DAYS)
    deleted = Visit.objects.filter(day__lt=cutoff).delete()[0]
    deleted += ArticleView.objects.filter(day__lt=cutoff).delete()[0]
    online.purge(now)
    return deleted
