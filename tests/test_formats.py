"""Korean date and time formats everywhere (firstnews/formats/ko): 2026.11.30 오후 11:42."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import formats, timezone

from articles.models import Article

EVENING = datetime.datetime(2026, 11, 30, 23, 42, tzinfo=datetime.UTC) - datetime.timedelta(hours=9)  # KST 23:42
MORNING = timezone.make_aware(datetime.datetime(2026, 11, 20, 9, 5))  # KST 09:05


def test_formats_put_the_half_of_the_day_before_the_time():
    evening = timezone.localtime(EVENING)
    assert formats.date_format(evening, "DATETIME_FORMAT") == "2026.11.30 오후 11:42"
    assert formats.date_format(evening, "SHORT_DATETIME_FORMAT") == "2026.11.30 오후 11:42"
    assert formats.date_format(evening, "DATE_FORMAT") == "2026.11.30"
    assert formats.time_format(evening.time(), "TIME_FORMAT") == "오후 11:42"
    assert formats.date_format(timezone.localtime(MORNING), "DATETIME_FORMAT") == "2026.11.20 오전 9:05"


def test_what_people_type_is_still_read_as_before():
    assert "%Y-%m-%d" in formats.get_format("DATE_INPUT_FORMATS")
    assert "%H:%M:%S" in formats.get_format("TIME_INPUT_FORMATS")


@pytest.mark.django_db
def test_admin_change_list_and_history_show_korean_times(client, editor, make_article):
    article = make_article(title="시간 표기 확인", published_at=MORNING)
    client.force_login(editor)
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "2026.11.20 오전 9:05" in changelist and "9:05 오전" not in changelist
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        object_repr=article.title,
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["본문"]}}]',
        action_time=EVENING,
    )
    history = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "2026.11.30 오후 11:42" in history
    assert "본문이 변경되었습니다" in history and "본문가" not in history
