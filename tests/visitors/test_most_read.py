"""많이 본 뉴스: the ten most read published articles of the last seven days."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from visitors.models import ArticleDailyViews
from visitors.stats import most_read

pytestmark = pytest.mark.django_db


def views(article, days_ago, count):
    ArticleDailyViews.objects.create(
        article=article, day=timezone.localdate() - datetime.timedelta(days=days_ago), views=count
    )


def most_read_box(client):
    page = client.get(reverse("articles:home")).content.decode()
    box = page[page.index("많이 본 뉴스</h2>") :]
    return box[: box.index("</ol>")]


def test_ranks_by_views_of_the_last_seven_days(client, make_article):
    old_hit = make_article(title="한 달 전 화제 기사", view_count=5000)
    views(old_hit, 10, 5000)
    week = make_article(title="이번 주 화제 기사")
    views(week, 0, 30)
    views(week, 6, 30)
    today = make_article(title="오늘의 기사")
    views(today, 0, 50)
    box = most_read_box(client)
    assert box.index("이번 주 화제 기사") < box.index("오늘의 기사")
    # the all-time hit only tops the list up after this week's articles
    assert box.index("오늘의 기사") < box.index("한 달 전 화제 기사")


def test_lists_ten_and_never_an_unpublished_article(make_article):
    hidden = make_article(title="초고", status=Article.Status.DRAFT)
    views(hidden, 0, 999)
    articles = [make_article() for _ in range(12)]
    for rank, article in enumerate(articles):
        views(article, 1, rank + 1)
    listed = most_read()
    assert len(listed) == 10
    assert listed[0] == articles[-1]
    assert hidden not in listed


def test_a_new_site_falls_back_to_the_most_viewed_of_the_newest(client, make_article, monkeypatch):
    """Bounded by the newest TOP_UP_CANDIDATES (read through the date index), not the whole archive."""
    monkeypatch.setattr("visitors.stats.TOP_UP_CANDIDATES", 2)
    make_article(title="조회수 많은 기사", view_count=300)  # the newest
    make_article(title="조회수 적은 기사", view_count=3)
    make_article(title="오래된 인기 기사", view_count=9000)  # the oldest: third of three
    box = most_read_box(client)
    assert box.index("조회수 많은 기사") < box.index("조회수 적은 기사")
    assert "오래된 인기 기사" not in box


def test_empty_site_says_nothing_is_counted_yet(client):
    assert "아직 집계된 기사가 없습니다." in most_read_box(client)
