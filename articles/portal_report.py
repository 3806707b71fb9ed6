"""Portal partnership report: the monthly share of 자체기사 and the 12-month article list as CSV."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Iterator
from typing import TypedDict

from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone

from .models import Article

OWN_SHARE_TARGET = 30  # percent of 자체기사 portal partnership reviews ask for
REPORT_MONTHS = 12
CSV_HEADER = ["링크", "제목", "기자", "발행 시각(KST)", "섹션", "출처 구분"]


class Share(TypedDict):
    total: int
    own: int
    percent: float
    meets: bool


def kst(value: datetime.datetime) -> str:
    """A moment as the newsroom reads it: KST, to the minute."""
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"


def month_range(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The aware [start, end) of the KST calendar month holding day."""
    start = day.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(end, datetime.time(), tzinfo=zone),
    )


def own_share(period: tuple[datetime.datetime, datetime.datetime]) -> Share:
    """Published articles in the period and the percentage that are 자체기사."""
    start, end = period
    totals = (
        Article.objects.published()
        .filter(published_at__gte=start, published_at__lt=end)
        .aggregate(total=Count("id"), own=Count("id", filter=Q(origin=Article.Origin.OWN)))
    )
    total, own = totals["total"], totals["own"]
    percent = round(own * 100 / total, 1) if total else 0
    return {"total": total, "own": own, "percent": percent, "meets": total > 0 and percent >= OWN_SHARE_TARGET}


def monthly_shares(today: datetime.date, months: int = REPORT_MONTHS) -> list[tuple[datetime.date, Share]]:
    """The first day of each of the last months (this one first) with its share of 자체기사."""
    shares = []
    first = today.replace(day=1)
    for _ in range(months):
        shares.append((first, own_share(month_range(first))))
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return shares


def portal_rows(now: datetime.datetime, absolute_url: Callable[[str], str]) -> Iterator[list[str]]:
    """One CSV row per article published in the 365 days before now, newest first."""
    articles = (
        Article.objects.published(now=now)
        .filter(published_at__gte=now - datetime.timedelta(days=365))
        .select_related("section__group", "reporter")
        .prefetch_related("bylines__reporter")
        .only("id", "title", "published_at", "origin", "byline", "reporter", "section__name", "section__group__name")
        .order_by("-published_at", "-id")
    )
    for article in articles:
        names = [article.reporter.display_name] + [
            byline.reporter.display_name
            for byline in article.bylines.all()
            if byline.reporter_id != article.reporter_id
        ]
        yield [
            absolute_url(article.get_absolute_url()),
            article.title,
            ", ".join(names),
            kst(article.published_at),
            f"{article.section.group.name} > {article.section.name}",
            article.get_origin_display(),
        ]


def portal_csv(now: datetime.datetime, absolute_url: Callable[[str], str]) -> HttpResponse:
    """The 12-month list as a download; UTF-8 with a byte-order mark, so Excel opens the Korean text correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"firstnews-articles-{timezone.localdate(now):%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    writer.writerows(portal_rows(now, absolute_url))
    return response
