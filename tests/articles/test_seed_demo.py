import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, BreakingNews, Byline, Correction, FrontPagePin, ReviewStep, Revision, Section
from comments.models import Comment
from contact.models import AdRequest, Tip
from visitors import stats
from visitors.models import ArticleDailyViews, DailyVisits

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_demo_photos")]


def test_seed_demo_fills_every_section_and_is_idempotent(client):
    call_command("seed_demo", stdout=io.StringIO())
    assert_demo_numbers_agree()
    first = Article.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Article.objects.count() == first
    for section in Section.objects.filter(group__kind="articles"):
        assert Article.objects.published().filter(section=section).count() >= 8, section.name
    assert Article.objects.published().exclude(photo="").count() >= 40
    assert not Article.objects.published().filter(section__slug="video", video_url="").exists()
    # what the demo desk has to do: a draft, a review request, a scheduled article
    assert Article.objects.filter(status="draft").exists()
    assert Article.objects.filter(status="review").exists()
    assert Article.objects.exclude(pk__in=Article.objects.published()).filter(status="published").exists()
    # the newsroom workflow has something to show, once
    counts = [model.objects.count() for model in (Byline, Correction, FrontPagePin, BreakingNews, ReviewStep, Revision)]
    assert all(counts)
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == [
        model.objects.count() for model in (Byline, Correction, FrontPagePin, BreakingNews, ReviewStep, Revision)
    ]
    assert Article.objects.published().filter(tags__isnull=False).distinct().count() >= 90
    assert Article.objects.filter(origin=Article.Origin.PRESS_RELEASE).exists()
    assert ReviewStep.objects.filter(action="returned").exclude(note="").exists()

    assert client.login(username="desk", password="firstnews-desk-2026")
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    client.logout()
    for url in (
        "/",
        "/section/news/",
        "/section/interview/artists/",
        "/corrections/",
        "/reporter/reporter2/",
        Article.objects.published().first().get_absolute_url(),
    ):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "hour", [datetime.time(0, 20), datetime.time(10, 53), datetime.time(15, 0), datetime.time(23, 59)]
)
def test_the_demo_numbers_agree_at_any_hour(time_machine, hour):
    """Seeded at 00:20 KST, when today has barely begun; at 10:53, a minute after one of today's articles
    came out (it has had one reader); at 15:00, when that article has been read for a few hours; at 23:59,
    when today's reading is done (the test above checks the real hour)."""
    moment = datetime.datetime.combine(timezone.localdate(), hour)
    time_machine.move_to(timezone.make_aware(moment), tick=False)
    call_command("seed_demo", stdout=io.StringIO())
    assert_demo_numbers_agree(day_done=hour == datetime.time(23, 59))


def assert_demo_numbers_agree(day_done=False):
    """Views, 많이 본 뉴스, the 30-day chart and the totals come from one visit history, and no step of
    the newsroom's work is dated after now (issue 15 item 9)."""
    now = timezone.now()
    today = timezone.localdate(now)

    # Every article's count is the sum of its daily views; articles not out yet have none.
    daily = dict(
        ArticleDailyViews.objects.values("article").annotate(total=Sum("views")).values_list("article", "total")
    )
    published = list(Article.objects.published())
    assert len(published) >= 90
    for article in published:
        assert article.view_count == daily.get(article.pk, 0) > 0, article.title
    assert not Article.objects.exclude(pk__in=[a.pk for a in published]).exclude(view_count=0).exists()
    assert not ArticleDailyViews.objects.filter(day__gt=today).exists()
    assert not DailyVisits.objects.filter(day__gt=today).exists()

    # Each day had at least as many visitors as article views, so every total covers what it contains.
    read = dict(ArticleDailyViews.objects.values("day").annotate(total=Sum("views")).values_list("day", "total"))
    visits = dict(DailyVisits.objects.values_list("day", "visits"))
    assert all(visits.get(day, 0) >= total for day, total in read.items())
    series = stats.daily_series(30, now=now)
    assert sum(count for _, count in series) >= stats.views_since(30, now=now) > 0
    assert all(count > 0 for _, count in series[:-1])  # today may have just begun
    figures = stats.figures(now)
    assert figures["total"] >= sum(a.view_count for a in published)
    assert figures["today"] == visits[today] >= read.get(today, 0)

    # 많이 본 뉴스 is led by the most read of the last 7 days; once today's reading is done, today's most read
    # article is in it (earlier in the day a story out for a few hours may still trail the week's leaders).
    week = dict(
        ArticleDailyViews.objects.filter(day__gt=today - datetime.timedelta(days=7))
        .values("article")
        .annotate(total=Sum("views"))
        .values_list("article", "total")
    )
    most_read = stats.most_read()
    assert len(most_read) == 10
    assert week[most_read[0].pk] == max(week.values())
    assert [week[a.pk] for a in most_read] == sorted((week[a.pk] for a in most_read), reverse=True)
    todays = ArticleDailyViews.objects.filter(day=today).order_by("-views").first()
    if day_done:
        assert todays is None or todays.article_id in {a.pk for a in most_read}
    # the all-time leader has more views than any article's last week
    assert max(a.view_count for a in published) >= max(week.values())

    # No workflow step, correction, revision, comment or inbox item is dated after now.
    for model in (ReviewStep, Correction, Revision, Comment, Tip, AdRequest):
        assert not model.objects.filter(created_at__gt=now).exists(), model.__name__
    assert not Article.objects.filter(created_at__gt=now).exists()
    assert not Article.objects.published().filter(updated_at__gt=now).exists()
