"""An article's comments a page of threads at a time, in the reader's chosen order.

A page is COMMENT_THREADS_PER_PAGE top-level comments (the "roots") with all their replies, read in
one query whatever the article holds: the page's roots are a subquery through the partial index
`comment_roots` (or `comment_liked` for 공감순) with LIMIT/OFFSET, and their threads come through the
expression index `comment_thread_root`: a comment's path starts with its root's zero-padded id (the
root's own path). When the first page holds every thread (most articles), nothing else is read: the
roots need no count, and BEST 댓글 are picked from the page. Otherwise the roots are counted (an
index-only scan of `comment_roots`) and BEST is one more query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Substr

from .models import PATH_STEP, Comment

# ?sort= value -> label; "" (no parameter) is the default.
SORTS = {"": "등록순", "newest": "최신순", "likes": "공감순"}
SORT_PARAM = "sort"
PAGE_PARAM = "cpage"
BEST_SIZE = 3
BLOCK = 10  # page numbers shown at once


def clean_sort(value: str | None) -> str:
    return value if value in SORTS else ""


def roots_of(article_id: int, sort: str = "") -> QuerySet[Comment]:
    roots = Comment.objects.filter(article_id=article_id, parent__isnull=True)
    if sort == "newest":
        return roots.order_by("-path")
    if sort == "likes":
        return roots.order_by(*LIKED_ORDER)
    return roots.order_by("path")


LIKED_ORDER = ("-like_count", "id")


def _liked_key(comment: Comment) -> tuple[int, int]:
    """LIKED_ORDER, for comments already read."""
    return (-comment.like_count, comment.pk)


def threads_of(article_id: int, sort: str, number: int, per_page: int) -> list[Comment]:
    """The roots of page `number` in `sort` order, each followed by its replies in thread order."""
    offset = (number - 1) * per_page
    page_roots = roots_of(article_id, sort).values("path")[offset : offset + per_page]
    threads: dict[str, list[Comment]] = {}
    for comment in (
        Comment.objects.filter(article_id=article_id)
        .alias(root=Substr("path", 1, PATH_STEP))
        .filter(root__in=page_roots)
        .in_thread_order()
    ):
        threads.setdefault(comment.path[:PATH_STEP], []).append(comment)  # in path order: the root first
    roots = [thread[0] for thread in threads.values()]
    if sort == "newest":
        roots.reverse()
    elif sort == "likes":
        roots.sort(key=_liked_key)
    return [comment for root in roots for comment in threads[root.path]]


def page_query(sort: str, number: int) -> str:
    """The query string of a comment page ("" for the first page in 등록순)."""
    params = {}
    if number > 1:
        params[PAGE_PARAM] = number
    if sort:
        params[SORT_PARAM] = sort
    return f"?{urlencode(params)}" if params else ""


@dataclass
class ThreadPage:
    number: int
    num_pages: int
    sort: str
    thread_count: int
    comments: list[Comment] = field(default_factory=list)

    @property
    def holds_every_comment(self) -> bool:
        return self.num_pages == 1

    @property
    def page_links(self):
        """(number, query string) of the block of ten page numbers around this page."""
        start = (self.number - 1) // BLOCK * BLOCK + 1
        return [
            (number, page_query(self.sort, number)) for number in range(start, min(start + BLOCK, self.num_pages + 1))
        ]

    @property
    def previous_query(self):
        return page_query(self.sort, self.number - 1) if self.number > 1 else None

    @property
    def next_query(self):
        return page_query(self.sort, self.number + 1) if self.number < self.num_pages else None


def thread_page(article_id: int, sort: str = "", number: object = 1) -> ThreadPage:
    """The comments of one page of threads, roots in `sort` order, each followed by its replies in thread
    order; a page past the last is the last page."""
    sort = clean_sort(sort)
    per_page = settings.COMMENT_THREADS_PER_PAGE
    try:
        page_number = max(1, int(str(number)))
    except ValueError:
        page_number = 1
    comments = threads_of(article_id, sort, page_number, per_page)
    roots = sum(1 for comment in comments if comment.parent_id is None)
    # A short first page holds every thread: nothing to count.
    total = roots if page_number == 1 and roots < per_page else roots_of(article_id).count()
    num_pages = max(1, math.ceil(total / per_page))
    if page_number > num_pages:
        page_number = num_pages
        comments = threads_of(article_id, sort, page_number, per_page) if total else []
    return ThreadPage(number=page_number, num_pages=num_pages, sort=sort, thread_count=total, comments=comments)


def page_number_of(comment: Comment) -> int:
    """The 등록순 page holding `comment`'s thread (one indexed count of the roots before it)."""
    before = roots_of(comment.article_id).filter(path__lt=comment.root_path).count()
    return before // settings.COMMENT_THREADS_PER_PAGE + 1


def location_of(comment: Comment) -> str:
    """The article address at the comment: its comment page (등록순) and #comment-N."""
    return f"{comment.article.get_absolute_url()}{page_query('', page_number_of(comment))}#comment-{comment.pk}"


def best_of(article_id: int, page: ThreadPage) -> list[Comment]:
    """BEST 댓글: the three visible comments with the most 공감, at least COMMENT_BEST_MIN_LIKES; picked
    from `page` when it holds every comment, else one query through `comment_liked`."""
    if not page.comments:
        return []
    least = max(1, settings.COMMENT_BEST_MIN_LIKES)
    if page.holds_every_comment:
        liked = [c for c in page.comments if c.status == Comment.Status.VISIBLE and c.like_count >= least]
        return sorted(liked, key=_liked_key)[:BEST_SIZE]
    return list(
        Comment.objects.filter(article_id=article_id, status=Comment.Status.VISIBLE, like_count__gte=least)
        .select_related("author")
        .order_by(*LIKED_ORDER)[:BEST_SIZE]
    )
