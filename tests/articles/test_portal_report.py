"""The portal report's arithmetic and CSV rows, called directly with a fixed clock."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from articles.models import Article, Byline
from articles.portal_report import (
    CSV_HEADER,
    OWN_SHARE_TARGET,
    month_range,
    monthly_shares,
    own_share,
    portal_csv,
    portal_rows,
)

pytestmark = pytest.mark.django_db

KST = datetime.timezone(datetime.timedelta(hours=9))
NOW = datetime.datetime(2026, 3, 31, 23, 59, tzinfo=KST)


@pytest.fixture
def article(make_article):
    def make(published_at, origin=Article.Origin.OWN, **fields):
        return make_article(published_at=published_at, origin=origin, **fields)

    return make


def test_a_month_runs_from_its_first_midnight_in_kst_to_the_next_months():
    start, end = month_range(datetime.date(2026, 12, 31))
    assert timezone.localtime(start) == datetime.datetime(2026, 12, 1, tzinfo=KST)
    assert timezone.localtime(end) == datetime.datetime(2027, 1, 1, tzinfo=KST)
    assert month_range(datetime.date(2024, 2, 29))[1] == datetime.datetime(2024, 3, 1, tzinfo=KST)


def test_own_share_counts_published_articles_of_the_month_only(article):
    march = month_range(NOW.date())
    article(NOW - datetime.timedelta(hours=1))
    for hours in (2, 3, 4):
        article(NOW - datetime.timedelta(hours=hours), origin=Article.Origin.PRESS_RELEASE)
    article(NOW - datetime.timedelta(hours=5), status=Article.Status.DRAFT)
    article(datetime.datetime(2026, 2, 28, 23, 59, tzinfo=KST))  # February, KST
    article(datetime.datetime(2026, 4, 1, 0, 0, tzinfo=KST))  # April, and in the future anyway
    assert own_share(march) == {"total": 4, "own": 1, "percent": 25.0, "meets": False}


def test_the_target_is_met_at_thirty_percent_and_never_by_an_empty_month(article):
    for hours in range(1, 4):
        article(NOW - datetime.timedelta(hours=hours))
    for hours in range(4, 11):
        article(NOW - datetime.timedelta(hours=hours), origin=Article.Origin.PRESS_RELEASE)
    assert own_share(month_range(NOW.date()))["percent"] == OWN_SHARE_TARGET
    assert own_share(month_range(NOW.date()))["meets"] is True
    assert own_share(month_range(datetime.date(2025, 1, 1)))["meets"] is False


def test_monthly_shares_go_back_twelve_months_across_a_year(article):
    article(datetime.datetime(2025, 5, 3, 9, 0, tzinfo=KST))
    months = monthly_shares(datetime.date(2026, 3, 31))
    assert [first for first, _ in months][:4] == [
        datetime.date(2026, 3, 1),
        *[datetime.date(2026, m, 1) for m in (2, 1)],
        datetime.date(2025, 12, 1),
    ]
    assert len(months) == 12 and months[-1][0] == datetime.date(2025, 4, 1)
    assert dict(months)[datetime.date(2025, 5, 1)]["total"] == 1


def test_rows_list_the_last_365_days_newest_first_with_every_reporter(article, other_reporter):
    old = article(NOW - datetime.timedelta(days=366), title="너무 오래된 기사")
    shared = article(NOW - datetime.timedelta(days=2), title="함께 쓴 기사", origin=Article.Origin.PRESS_RELEASE)
    Byline.objects.create(article=shared, reporter=other_reporter)
    newest = article(NOW - datetime.timedelta(hours=1), title="새 기사")
    rows = list(portal_rows(NOW, lambda path: f"https://example.test{path}"))
    assert [row[1] for row in rows] == ["새 기사", "함께 쓴 기사"]
    assert rows[0][0] == f"https://example.test{newest.get_absolute_url()}"
    assert rows[1][2] == f"{shared.reporter.display_name}, {other_reporter.display_name}"
    assert rows[0][3] == f"{NOW - datetime.timedelta(hours=1):%Y-%m-%d %H:%M}"
    assert rows[1][4] == "퍼스트뉴스 > 파주뉴스" and rows[1][5] == shared.get_origin_display()
    assert old.title not in {row[1] for row in rows}


def test_the_csv_opens_in_excel_with_a_dated_name(article):
    article(NOW - datetime.timedelta(hours=1), title="엑셀 기사")
    response = portal_csv(NOW, lambda path: path)
    assert response["Content-Disposition"] == 'attachment; filename="firstnews-articles-20260331.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == CSV_HEADER and rows[1][1] == "엑셀 기사"
