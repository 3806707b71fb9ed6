"""Demo visitor statistics: 45 days of daily sums, referring sites and article views.

Numbers are made up but steady for a given day (seeded by the date), so the
admin chart, the footer's 오늘/어제/최대/전체 and 많이 본 뉴스 show something on a
fresh `make run`. Days, visits and view sums that exist already are left alone,
so seeding again adds nothing twice.
"""

import datetime
import random

from django.db.models import F
from django.utils import timezone

from articles.models import Article

from .models import ArticleDailyViews, DailyVisits, Visit

DAYS = 45
REFERRERS = [
    ("search.naver.com", 9),
    ("m.search.naver.com", 7),
    ("google.com", 5),
    ("search.daum.net", 3),
    ("band.us", 2),
    ("facebook.com", 2),
    ("story.kakao.com", 1),
]


def _daily_visits(day):
    rng = random.Random(day.toordinal())
    weekend = day.weekday() >= 5
    return rng.randint(180, 320) - (70 if weekend else 0) + (day.toordinal() % 7) * 6


def seed(out):
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=n) for n in range(DAYS, -1, -1)]
    existing = set(DailyVisits.objects.filter(day__in=days).values_list("day", flat=True))
    DailyVisits.objects.bulk_create(
        [
            DailyVisits(day=day, visits=_daily_visits(day) // (3 if day == today else 1))
            for day in days
            if day not in existing
        ]
    )
    seed_referrers(days[-14:])
    views = seed_article_views(days[-7:])
    out.write(f"방문자 통계: {len(days) - len(existing)}일치 합계, 기사 조회 {views}건을 새로 만들었습니다.")


def seed_referrers(days):
    """Visit rows for the last two weeks, a share of them from portals and social networks."""
    names = [name for name, weight in REFERRERS for _ in range(weight)]
    visits = []
    for day in days:
        rng = random.Random(day.toordinal() * 31)
        for number in range(40):
            referrer = rng.choice(names) if number < 29 else ""
            visits.append(Visit(day=day, visitor=f"demo-{day:%Y%m%d}-{number:03d}", referrer=referrer))
    Visit.objects.bulk_create(visits, ignore_conflicts=True)


def seed_article_views(days):
    """Daily views for the newest published articles; each article's view_count grows by what is added."""
    articles = list(Article.objects.published().order_by("-published_at")[:30])
    existing = set(
        ArticleDailyViews.objects.filter(day__in=days, article__in=articles).values_list("day", "article_id")
    )
    added = 0
    for article in articles:
        rng = random.Random(article.pk * 7919)
        weight = rng.choice([1, 1, 2, 3, 5, 8])
        new_rows = [
            ArticleDailyViews(day=day, article=article, views=weight * rng.randint(3, 20))
            for day in days
            if day >= timezone.localdate(article.published_at) and (day, article.pk) not in existing
        ]
        if new_rows:
            ArticleDailyViews.objects.bulk_create(new_rows)
            total = sum(row.views for row in new_rows)
            Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + total)
            added += total
    return added
