"""The front page's rules: editors' pins first, the newest published articles fill every place left."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Article, FrontPagePin, Group, article_section_ids

HOME_BLOCK_SIZE = 4
HOME_HEADLINES = 6
HOME_VIDEOS = 4


@dataclass(frozen=True)
class FrontPage:
    """What the front page shows, in its order; empty parts when nothing is published."""

    top_story: Article | None = None
    headlines: list[Article] = field(default_factory=list)
    group_blocks: list[tuple[Group, list[Article]]] = field(default_factory=list)
    videos: list[Article] = field(default_factory=list)


def compose_front_page(now: datetime.datetime | None = None) -> FrontPage:
    """The front page as readers see it at now (default: this moment), in two queries: the pins, and
    the rows of every list (the newest, each section's newest, the newest videos) read at once.

    Top story: the pinned top, else the newest article with a photo, else the newest one.
    Headlines: pinned headlines, then the newest articles; never the top story twice.
    Group blocks: per article group, the pinned pick (if it still sits in that group), then the newest.
    """
    now = now or timezone.now()
    published = Article.objects.published(now=now)
    pins = _pins(now)
    newest = published.order_by("-published_at", "-id").values_list("pk", flat=True)
    # Each list is the first rows of the whole, in date order: the newest of the archive, of a section,
    # of the videos are among the ids read, and so are the newest of them.
    rows = list(
        published.newest_per_section(
            article_section_ids(),
            HOME_BLOCK_SIZE,
            newest[: 2 + HOME_HEADLINES + len(pins)],
            newest.exclude(video_url="")[:HOME_VIDEOS],
        )
        .for_list()
        .order_by("-published_at", "-id")
    )
    latest = rows[: 2 + HOME_HEADLINES + len(pins)]
    top = _top_story(pins, latest)
    return FrontPage(
        top_story=top,
        headlines=_headlines(pins, latest, top),
        group_blocks=_group_blocks(pins, rows),
        videos=[article for article in rows if article.video_url][:HOME_VIDEOS],
    )


def _pins(now: datetime.datetime) -> list[FrontPagePin]:
    return list(
        FrontPagePin.objects.filter(article__in=Article.objects.published(now=now))
        .select_related("article__section__group", "article__reporter")
        .defer("article__body")
        .order_by("order", "-id")
    )


def _top_story(pins: list[FrontPagePin], latest: list[Article]) -> Article | None:
    # The most recent pin for the top place wins, whatever older pins remain in the list.
    top_pins = [pin for pin in pins if pin.slot == FrontPagePin.Slot.TOP]
    if top_pins:
        return max(top_pins, key=lambda pin: pin.pk).article
    return next((article for article in latest if article.photo), latest[0] if latest else None)


def _headlines(pins: list[FrontPagePin], latest: list[Article], top: Article | None) -> list[Article]:
    headlines = [pin.article for pin in pins if pin.slot == FrontPagePin.Slot.HEADLINE and pin.article != top]
    headlines += [article for article in latest if article != top and article not in headlines]
    return headlines[:HOME_HEADLINES]


def _group_blocks(pins: list[FrontPagePin], rows: list[Article]) -> list[tuple[Group, list[Article]]]:
    picks: dict[Group, Article] = {}
    for pin in pins:
        if pin.slot == FrontPagePin.Slot.GROUP and pin.article.section.group_id == pin.group_id:
            picks.setdefault(pin.article.section.group, pin.article)
    blocks = {group: [pick] for group, pick in picks.items() if group.kind == Group.Kind.ARTICLES}
    for article in rows:
        if article.section.group.kind != Group.Kind.ARTICLES:
            continue
        block = blocks.setdefault(article.section.group, [])
        if article not in block:
            block.append(article)
    return sorted(
        ((group, articles[:HOME_BLOCK_SIZE]) for group, articles in blocks.items()),
        key=lambda item: (item[0].order, item[0].pk),
    )
