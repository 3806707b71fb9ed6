"""Demo visitor statistics, all from one made-up visit history.

First each published article gets views for every KST day since it came out (a popularity drawn
from its title, fading with age, lower at weekends, only for the part of the day it was out, so
today counts only up to now). Everything else is read from that history:

- `ArticleDailyViews`: the history itself (많이 본 뉴스 ranks its last 7 days);
- `Article.view_count`: the sum of the article's rows, never a number of its own;
- `DailyVisits`: each day's article readers plus people who only looked at the front page, so the
  chart, 오늘/어제/최대/전체 and every 30-day total are at least the article views they contain;
- `Visit` rows (referring sites) for the last two weeks: one per visit of the day.

Numbers are steady for a given day. Rows that exist already are left alone (a day's visits are only
raised to cover its article views), so seeding again adds nothing twice.
"""

import datetime
import random
import zlib

from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles.models import Article

from .models import ArticleDailyViews, DailyVisits, Visit

DAYS = 45  # at least this many days of visits; more when an article is older
MAX_DAYS = 120
REFERRER_DAYS = 14
REFERRERS = [
    ("search.naver.com", 9),
    ("m.search.naver.com", 7),
    ("google.com", 5),
    ("search.daum.net", 3),
    ("band.us", 2),
    ("facebook.com", 2),
    ("story.kakao.com", 1),
    ("", 11),  # typed the address or came from a bookmark
]
# Views on an article's first full day: most stories are read by a few dozen, a few by hundreds.
POPULARITY = [12, 18, 25, 35, 50, 70, 100, 150, 240, 380]
FADE = 0.55  # each day keeps this share of the day before ...
TAIL = 0.03  # ... and a story is still found through search and links long after
FRONT_PAGE_ONLY = (90, 150)  # visitors a day who read no article
DAY = datetime.timedelta(days=1)


def _rng(*parts):
    return random.Random(zlib.crc32("|".join(str(part) for part in parts).encode()))


def _share_of_day(day, since, now):
    """Which part of KST `day` lies between `since` and `now` (1 for a whole day, 0 for none)."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    begin, end = max(start, since), min(start + DAY, now)
    return max(0.0, (end - begin) / DAY)


def _weekday_factor(day):
    return 0.75 if day.weekday() >= 5 else 1.0


def article_history(article, days, now):
    """{day: views} for one article over `days`, from its publication to `now`."""
    popularity = _rng(article.title).choice(POPULARITY)
    first = timezone.localdate(article.published_at)
    history = {}
    for day in days:
        share = _share_of_day(day, article.published_at, now)
        if not share:
            continue
        fade = FADE ** (day - first).days + TAIL
        noise = _rng(article.title, day.toordinal()).uniform(0.85, 1.15)
        views = round(popularity * fade * _weekday_factor(day) * noise * share)
        if views:
            history[day] = views
    if not history and article.published_at <= now:
        history[first] = 1  # out for a minute or two: its first reader (a published article is never unread)
    return history


def front_page_visits(day, now):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    low, high = FRONT_PAGE_ONLY
    return round(
        _rng("front", day.toordinal()).randint(low, high) * _weekday_factor(day) * _share_of_day(day, start, now)
    )


def seed(out):
    now = timezone.now()
    today = timezone.localdate(now)
    articles = list(Article.objects.published().only("pk", "title", "published_at"))
    oldest = min((timezone.localdate(a.published_at) for a in articles), default=today)
    first = max(min(oldest, today - DAYS * DAY), today - MAX_DAYS * DAY)
    days = [first + n * DAY for n in range((today - first).days + 1)]

    existing = set(ArticleDailyViews.objects.filter(day__gte=first).values_list("day", "article_id"))
    new_rows = [
        ArticleDailyViews(day=day, article=article, views=views)
        for article in articles
        for day, views in article_history(article, days, now).items()
        if (day, article.pk) not in existing
    ]
    ArticleDailyViews.objects.bulk_create(new_rows, batch_size=1000)
    # Each article's count is the sum of its history (real views, counted later, add to both alike).
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(
        view_count=Coalesce(
            Subquery(
                ArticleDailyViews.objects.filter(article=OuterRef("pk"))
                .values("article")
                .annotate(total=Sum("views"))
                .values("total")
            ),
            0,
        )
    )

    read = dict(
        ArticleDailyViews.objects.filter(day__gte=first)
        .values("day")
        .annotate(total=Sum("views"))
        .values_list("day", "total")
    )
    visits = dict(DailyVisits.objects.filter(day__gte=first).values_list("day", "visits"))
    added_days = [day for day in days if day not in visits]
    for day in added_days:
        visits[day] = read.get(day, 0) + front_page_visits(day, now)
    DailyVisits.objects.bulk_create([DailyVisits(day=day, visits=visits[day]) for day in added_days])
    for day, count in visits.items():
        if count < read.get(day, 0):  # a day seeded before some of its views: it had at least those readers
            visits[day] = read[day]
            DailyVisits.objects.filter(day=day).update(visits=read[day])

    seed_referrers(days[-REFERRER_DAYS:], visits)
    out.write(
        f"방문자 통계: {len(added_days)}일치 방문 합계와 기사 조회 {sum(row.views for row in new_rows)}건을 "
        "한 방문 기록에서 새로 만들었습니다."
    )


def seed_referrers(days, visits):
    """One Visit row per visit of each day (for 유입 도메인), a share of them from portals and social networks."""
    names = [name for name, weight in REFERRERS for _ in range(weight)]
    rows = []
    for day in days:
        rng = _rng("referrers", day.toordinal())
        rows += [
            Visit(day=day, visitor=f"demo-{day:%Y%m%d}-{number:04d}", referrer=rng.choice(names))
            for number in range(visits.get(day, 0))
        ]
    Visit.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
