"""The front page's rules, called directly: pins first, the newest published articles fill the rest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.front_page import HOME_BLOCK_SIZE, HOME_HEADLINES, HOME_VIDEOS, FrontPage, compose_front_page
from articles.models import MENU, Article, FrontPagePin, Group

pytestmark = pytest.mark.django_db

KST = datetime.timezone(datetime.timedelta(hours=9))
NOW = datetime.datetime(2026, 3, 31, 23, 59, tzinfo=KST)


@pytest.fixture
def article(make_article):
    """An article published the given minutes before NOW (negative: after it)."""

    def make(minutes_ago, **fields):
        return make_article(published_at=NOW - datetime.timedelta(minutes=minutes_ago), **fields)

    return make


def test_nothing_published_gives_an_empty_front_page(article):
    article(10, status=Article.Status.DRAFT)
    assert compose_front_page(now=NOW) == FrontPage()


def test_without_pins_the_newest_is_the_top_story_and_the_next_are_headlines(article):
    older, newer, newest = article(30), article(20), article(10)
    page = compose_front_page(now=NOW)
    assert page.top_story == newest
    assert page.headlines == [newer, older]


def test_the_newest_article_with_a_photo_is_preferred_as_top_story(article, image_upload):
    with_photo = article(30, photo=image_upload(), photo_alt="사진")
    newest = article(10)
    page = compose_front_page(now=NOW)
    assert page.top_story == with_photo
    assert page.headlines == [newest]


def test_only_what_is_due_at_now_shows(article):
    due = article(10)
    scheduled = article(-60, title="한 시간 뒤 공개")
    assert compose_front_page(now=NOW).top_story == due
    later = compose_front_page(now=NOW + datetime.timedelta(hours=2))
    assert later.top_story == scheduled and later.headlines == [due]


def test_pins_come_first_in_their_order_and_the_top_story_is_not_repeated(article):
    pinned_top, first, second = article(3000), article(2000), article(1000)
    newest = article(5)
    draft = article(1, status=Article.Status.DRAFT)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=draft, order=0)  # not published: ignored
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=pinned_top, order=1)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=second, order=3)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=first, order=2)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=pinned_top, order=4)
    page = compose_front_page(now=NOW)
    assert page.top_story == pinned_top
    assert page.headlines == [first, second, newest]


def test_headlines_stop_at_their_limit(article):
    for minutes in range(1, HOME_HEADLINES + 5):
        article(minutes)
    assert len(compose_front_page(now=NOW).headlines) == HOME_HEADLINES


def test_group_blocks_follow_the_menu_order_with_the_pick_first_and_no_directory(article):
    interview = Group.objects.get(slug="interview")
    pick = article(9000, section="artists")
    newest_interviews = [article(minutes, section="politicians") for minutes in range(1, 8)]
    city = article(50, section="city-hall")
    article(40, section="food")  # a directory section: no block of articles
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.GROUP, group=interview, article=pick)
    blocks = compose_front_page(now=NOW).group_blocks
    assert [group.slug for group, _ in blocks] == ["city", "interview"]
    assert dict(blocks)[interview] == [pick, *newest_interviews[: HOME_BLOCK_SIZE - 1]]
    assert dict(blocks)[Group.objects.get(slug="city")] == [city]


def test_a_group_pick_that_moved_to_another_group_is_ignored(article):
    moved = article(500, section="paju")
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.GROUP, group=Group.objects.get(slug="interview"), article=moved)
    blocks = dict(compose_front_page(now=NOW).group_blocks)
    assert Group.objects.get(slug="interview") not in blocks
    assert blocks[Group.objects.get(slug="news")] == [moved]


def test_videos_are_the_newest_articles_with_a_video(article):
    url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    videos = [article(minutes, video_url=url) for minutes in range(1, HOME_VIDEOS + 3)]
    article(0)
    assert compose_front_page(now=NOW).videos == videos[:HOME_VIDEOS]


def test_composing_takes_two_queries_however_many_pins_and_articles(article):
    """The pins, then the rows of the newest, every section's few newest and the newest videos at once."""
    MENU.get()  # the menu of sections is cached, as base.html leaves it
    counts = []
    for rows in (8, 30):
        for minutes in range(len(counts) * 8 + 1, rows):
            pinned = article(minutes, section="politicians" if minutes % 2 else "paju")
        FrontPagePin.objects.create(slot=FrontPagePin.Slot.HEADLINE, article=pinned)
        FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=pinned)
        with CaptureQueriesContext(connection) as queries:
            compose_front_page(now=NOW)
        counts.append(len(queries))
    assert counts == [2, 2]


def test_newest_top_pin_wins_and_article_holds_one_place(article):
    older = article(30, title="먼저 고른 머리기사")
    newer = article(20, title="나중에 고른 머리기사")
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=older, order=0)
    FrontPagePin.objects.create(slot=FrontPagePin.Slot.TOP, article=newer, order=5)
    assert compose_front_page(now=NOW).top_story == newer

    duplicate = FrontPagePin(slot=FrontPagePin.Slot.HEADLINE, article=newer)
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "한 자리에만" in str(excinfo.value)
