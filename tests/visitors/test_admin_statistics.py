"""방문자 통계 in the admin: figures, a 30-day SVG chart, most read articles, referring domains."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import hit
from visitors.models import ArticleDailyViews, DailyVisits, Visit

pytestmark = pytest.mark.django_db

URL = reverse("admin:visitors_dailyvisits_changelist")


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "correct-horse-battery")
    client.force_login(admin)
    return client


def test_statistics_show_today_yesterday_best_total_and_online(admin_client, browser, frozen_now):
    today = timezone.localdate()
    DailyVisits.objects.create(day=today - datetime.timedelta(days=1), visits=12)
    DailyVisits.objects.create(day=datetime.date(2025, 10, 3), visits=345)
    for _ in range(3):
        hit(browser())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", admin_client.get(URL).content.decode()))
    assert "오늘 3" in text and "어제 12" in text and "최대 345 2025년 10월 03일" in text and "전체 360" in text
    assert "손님 3 · 회원 0 (최근 10분)" in text


def test_chart_is_an_svg_with_one_bar_per_day_for_thirty_days(admin_client, frozen_now):
    today = timezone.localdate()
    DailyVisits.objects.create(day=today, visits=80)
    DailyVisits.objects.create(day=today - datetime.timedelta(days=29), visits=40)
    DailyVisits.objects.create(day=today - datetime.timedelta(days=30), visits=999)  # outside the window
    page = admin_client.get(URL).content.decode()
    chart = page[page.index('<figure class="stats-chart">') :]
    svg = chart[: chart.index("</svg>")]
    assert '<svg viewBox="0 0 720 260" role="img"' in svg and "<script" not in svg
    bars = re.findall(r'<rect class="bar" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg)
    assert len(bars) == 30
    heights = [float(height) for _, height in bars]
    assert heights[-1] == max(heights) and heights[0] == pytest.approx(heights[-1] / 2)
    assert heights.count(0.0) == 28
    assert f"{today:%m월 %d일}: 80명" in svg


def test_most_read_articles_and_top_referring_domains(admin_client, make_article, frozen_now):
    today = timezone.localdate()
    popular = make_article(title="가장 많이 본 기사")
    ArticleDailyViews.objects.create(article=popular, day=today, views=70)
    quieter = make_article(title="조금 본 기사")
    ArticleDailyViews.objects.create(article=quieter, day=today, views=5)
    for n, domain in enumerate(["search.naver.com"] * 3 + ["google.com"] * 2 + [""]):
        Visit.objects.create(day=today, visitor=f"v{n}", referrer=domain)
    page = admin_client.get(URL).content.decode()
    assert page.index("가장 많이 본 기사") < page.index("조금 본 기사")
    assert re.search(r"<td>search\.naver\.com</td><td class=\"num\">3</td>", page)
    assert page.index("search.naver.com") < page.index("google.com")


def test_only_people_allowed_to_see_statistics_reach_the_page(client, member, reporter):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(member)
    assert client.get(URL).status_code == 302
    client.force_login(reporter)
    assert client.get(URL).status_code == 403


def test_statistics_are_linked_from_the_admin_index(admin_client):
    assert URL in admin_client.get(reverse("admin:index")).content.decode()


def test_desk_member_sees_statistics_and_a_reporter_gets_the_korean_403(client, editor, reporter):
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    client.force_login(reporter)
    response = client.get(URL)
    assert response.status_code == 403
    assert "이 화면을 볼 권한이 없습니다" in response.content.decode()
