"""An article's comments a page of threads at a time, in the reader's chosen order.

A page is COMMENT_THREADS_PER_PAGE top-level comments (the "roots") with all their replies. It costs
three queries whatever the article holds: the roots are counted (an index-only scan of the partial
index `comment_roots`), a page of them is read through `comment_roots` (or `comment_liked` for 공감순)
with LIMIT/OFFSET, then the replies of those roots come through the expression index
`comment_thread_root`: a comment's path starts with its root's zero-padded id (the root's own path).
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
        return roots.order_by("-like_count", "id")
    return roots.order_by("path")


def replies_of(article_id: int, roots: list[Comment]) -> QuerySet[Comment]:
    """The replies under `roots` in thread order: those whose path starts with a root's path (the
    expression index `comment_thread_root`)."""
    return (
        Comment.objects.filter(article_id=article_id, parent__isnull=False)
        .alias(root=Substr("path", 1, PATH_STEP))
        .filter(root__in=[root.path for root in roots])
        .in_thread_order()
    )


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
    """The comments of one page of threads, roots in `sort` order, each followed by its replies in thread order."""
    sort = clean_sort(sort)
    per_page = settings.COMMENT_THREADS_PER_PAGE
    total = roots_of(article_id).count()
    num_pages = max(1, math.ceil(total / per_page))
    try:
        page_number = min(max(1, int(str(number))), num_pages)
    except ValueError:
        page_number = 1
    page = ThreadPage(number=page_number, num_pages=num_pages, sort=sort, thread_count=total)
    if not total:
        return page
    offset = (page_number - 1) * per_page
    roots = list(roots_of(article_id, sort).select_related("author")[offset : offset + per_page])
    if not roots:
        return page
    by_root: dict[str, list[Comment]] = {root.path: [] for root in roots}
    for reply in replies_of(article_id, roots):
        by_root[reply.path[:PATH_STEP]].append(reply)
    for root in roots:
        page.comments.append(root)
        page.comments.extend(by_root[root.path])
    return page


def page_number_of(comment: Comment) -> int:
    """The 등록순 page holding `comment`'s thread (one indexed count of the roots before it)."""
    before = roots_of(comment.article_id).filter(path__lt=comment.root_path).count()
    return before // settings.COMMENT_THREADS_PER_PAGE + 1


def location_of(comment: Comment) -> str:
    """The article address at the comment: its comment page (등록순) and #comment-N."""
    return f"{comment.article.get_absolute_url()}{page_query('', page_number_of(comment))}#comment-{comment.pk}"


def best_of(article_id: int) -> list[Comment]:
    """BEST 댓글: the three visible comments with the most 공감, at least COMMENT_BEST_MIN_LIKES."""
    return list(
        Comment.objects.filter(
            article_id=article_id,
            status=Comment.Status.VISIBLE,
            like_count__gte=max(1, settings.COMMENT_BEST_MIN_LIKES),
        )
        .select_related("author")
        .order_by("-like_count", "id")[:BEST_SIZE]
    )
