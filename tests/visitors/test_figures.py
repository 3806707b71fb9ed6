"""The figures readers see in the footer: 현재접속자, 오늘, 어제, 최대, 전체."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import hit
from visitors.models import DailyVisits

pytestmark = pytest.mark.django_db


def footer(client):
    page = client.get(reverse("articles:home")).content.decode()
    return page[page.index('<footer class="sitefooter">') :]


def test_footer_shows_guests_and_members_online_in_the_reference_form(client, browser, member, editor, frozen_now):
    for _ in range(3):
        hit(browser())
    for user in (member, editor):
        reader = browser()
        reader.force_login(user)
        hit(reader)
    today = timezone.localdate()
    expected = f'<time datetime="{today:%Y-%m-%d}">{today:%Y년 %m월 %d일}</time>'
    text = footer(client)
    assert expected in text
    assert re.sub(r"<[^>]+>", "", text).count("손님 : 3 명 | 회원 : 2 명") == 1


def test_a_guest_who_logs_in_is_counted_once_as_a_member(client, browser, member):
    reader = browser()
    hit(reader)
    reader.force_login(member)
    hit(reader)
    assert "손님 : 0 명 | 회원 : 1 명" in footer(client)


def test_only_visitors_of_the_last_ten_minutes_are_online(client, browser, monkeypatch):
    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start - datetime.timedelta(minutes=11))
    hit(browser())
    monkeypatch.setattr(timezone, "now", lambda: start - datetime.timedelta(minutes=9))
    hit(browser())
    monkeypatch.setattr(timezone, "now", lambda: start)
    assert "손님 : 1 명 | 회원 : 0 명" in footer(client)


def test_footer_shows_today_yesterday_best_day_and_total(client, browser, frozen_now):
    today = timezone.localdate()
    DailyVisits.objects.create(day=today - datetime.timedelta(days=1), visits=41)
    DailyVisits.objects.create(day=today - datetime.timedelta(days=20), visits=1250)
    DailyVisits.objects.create(day=today - datetime.timedelta(days=90), visits=7)
    hit(browser())
    hit(browser())
    best_day = today - datetime.timedelta(days=20)
    text = re.sub(r"<[^>]+>", "", footer(client))
    assert "오늘 2" in text and "어제 41" in text
    assert f"최대 1,250 ({best_day:%Y.%m.%d})" in text
    assert "전체 1,300" in text


def test_a_new_site_shows_zeros(client):
    text = re.sub(r"<[^>]+>", "", footer(client))
    assert "손님 : 0 명 | 회원 : 0 명" in text
    assert "오늘 0" in text and "어제 0" in text and "최대 0" in text and "전체 0" in text


def test_new_visitors_show_at_once_in_the_footer(client, browser):
    assert "오늘 0" in re.sub(r"<[^>]+>", "", footer(client))
    hit(browser())
    assert "오늘 1" in re.sub(r"<[^>]+>", "", footer(client))
