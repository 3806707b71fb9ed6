"""Origin shares and the 12-month article list portal partnership reviews ask for."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline

pytestmark = pytest.mark.django_db


def test_changelist_shows_this_months_share_of_own_reporting_against_30_percent(
    client, editor, make_article, frozen_now
):
    make_article(origin=Article.Origin.OWN)
    for _ in range(3):
        make_article(origin=Article.Origin.PRESS_RELEASE)
    make_article(origin=Article.Origin.OWN, status=Article.Status.DRAFT)  # not published: not counted
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "이번 달 자체기사 비율 <strong>25.0%</strong>" in page
    assert "4건 중 1건, 기준 30% 미달" in page


def test_reporters_do_not_get_the_portal_report(client, reporter):
    client.force_login(reporter)
    assert "자체기사 비율" not in client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert client.get(reverse("admin:articles_portal_report_csv")).status_code == 403
    assert client.get(reverse("admin:articles_portal_report")).status_code == 403


def test_portal_report_page_lists_twelve_months(client, editor, make_article, frozen_now):
    make_article(origin=Article.Origin.OWN)
    client.force_login(editor)
    page = client.get(reverse("admin:articles_portal_report")).content.decode()
    assert page.count('<th scope="row">') == 12
    assert "2026년 11월" in page and "2025년 12월" in page and "2025년 11월" not in page


def test_csv_lists_published_articles_of_the_last_twelve_months_readable_in_excel(
    client, editor, reporter, other_reporter, make_article
):
    when = timezone.now() - datetime.timedelta(days=30)
    shared = make_article(
        title='파주 "쌍따옴표", 쉼표 기사', origin=Article.Origin.CONTRIBUTION, published_at=when, section="city-hall"
    )
    Byline.objects.create(article=shared, reporter=other_reporter, role="사진")
    make_article(title="13개월 전 기사", published_at=timezone.now() - datetime.timedelta(days=400))
    make_article(title="예약 기사", published_at=timezone.now() + datetime.timedelta(hours=1))
    make_article(title="초고", status=Article.Status.DRAFT)
    client.force_login(editor)
    response = client.get(reverse("admin:articles_portal_report_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # the byte-order mark Excel needs for Korean
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["링크", "제목", "기자", "발행 시각(KST)", "섹션", "출처 구분"]
    assert [row[1] for row in rows[1:]] == ['파주 "쌍따옴표", 쉼표 기사']
    link, title, reporters, time, section, origin = rows[1]
    assert link == f"http://testserver{shared.get_absolute_url()}"
    assert reporters == "김파주, 이운정"
    assert time == f"{timezone.localtime(when):%Y-%m-%d %H:%M}"
    assert section == "시정 > 시정"
    assert origin == "기고"


def test_csv_query_count_does_not_grow_with_articles(client, editor, reporter, other_reporter, make_article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    counts = []
    for total in (3, 30):
        while Article.objects.count() < total:
            Byline.objects.create(article=make_article(), reporter=other_reporter)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("admin:articles_portal_report_csv"))
        counts.append(len(queries))
    assert counts[0] == counts[1]
