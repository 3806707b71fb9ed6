"""An article page costs the same number of queries with 500 or 3,000 comments over 5 levels as with 51
threads, whatever comment page and order it shows, with votes, BEST 댓글 and the member's own votes; and
two fewer while its comments fit on one page (no count of the threads, BEST picked from the page)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import MAX_DEPTH, Comment, CommentVote

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("figures_stay_cached")]


def fill(article, authors, roots=100):
    """`roots` threads, each a chain five levels deep, with a hidden, a deleted and a 5th-level reply among them."""
    parents = [None] * roots
    levels = []
    for depth in range(1, MAX_DEPTH + 1):
        made = Comment.objects.bulk_create(
            Comment(
                article=article,
                author=authors[(number + depth) % len(authors)],
                parent=parent,
                depth=depth,
                text=f"{depth}단계 댓글 {number}\n둘째 줄 https://example.com/{number}",
            )
            for number, parent in enumerate(parents)
        )
        for comment, parent in zip(made, parents, strict=True):
            comment.path = (parent.path if parent else "") + comment.path_step()
        Comment.objects.bulk_update(made, ["path"])
        levels.append(made)
        parents = made
    Comment.objects.filter(pk=levels[4][0].pk).update(status=Comment.Status.HIDDEN)
    Comment.objects.filter(pk=levels[0][1].pk).update(status=Comment.Status.DELETED, text="")
    Comment.objects.filter(pk=levels[4][2].pk).update(reply_to=levels[4][3])


def count_queries(client, url):
    client.get(url)  # warm the menu and site-settings caches, as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def vote_on(article, member, neighbour):
    """공감/비공감 on the neighbour's comments: counts on the rows and the member's own votes, as the service leaves them."""
    theirs = list(Comment.objects.filter(article=article, author=neighbour).order_by("path")[:300])
    for number, comment in enumerate(theirs):
        comment.like_count, comment.dislike_count = number % 12, number % 3
    Comment.objects.bulk_update(theirs, ["like_count", "dislike_count"])
    CommentVote.objects.bulk_create(
        CommentVote(comment=comment, member=member, value=1 if number % 2 else -1)
        for number, comment in enumerate(theirs[::3])
    )


@pytest.mark.parametrize("who", ["guest", "member"])
def test_query_count_is_the_same_with_500_comments_as_with_one(client, member, neighbour, make_article, settings, who):
    settings.COMMENT_BEST_MIN_LIKES = 5
    if who == "member":
        client.force_login(member)
    empty, page = count_queries(client, make_article().get_absolute_url())
    assert "등록된 댓글이 없습니다." in page
    quiet_article = make_article()
    Comment.objects.create(article=quiet_article, author=neighbour, text="하나뿐인 댓글", path="")
    Comment.objects.filter(article=quiet_article).update(path="0000000001")
    one, page = count_queries(client, quiet_article.get_absolute_url())
    assert "하나뿐인 댓글" in page
    assert empty <= one

    busy_article = make_article()
    fill(busy_article, [member, neighbour])
    vote_on(busy_article, member, neighbour)
    assert Comment.objects.filter(article=busy_article).count() == 500
    urls = [
        busy_article.get_absolute_url() + query for query in ("", "?cpage=2", "?sort=likes", "?sort=newest&cpage=2")
    ]
    # More than one page: the threads are counted and BEST is a query (a guest's section is a kept fragment).
    more = 2 if who == "member" else 0
    for url in urls:
        busy, page = count_queries(client, url)
        assert busy == one + more, url
        # 100 threads, 50 a page: each page holds 50 threads of five levels.
        assert page.count('class="comment comment--depth-1"') == 50
        assert page.count('class="comment comment--depth-5"') == 50
        thread = page.split('<ol class="comments__list">')[1].split('class="pagination comments__pages"')[0]
        assert thread.count("<ol") == 200 and thread.count("</ol>") == 201  # a list for each comment with replies
        assert "BEST 댓글" in page
        if who == "member":
            shown = {int(number) for number in re.findall(r'id="comment-([0-9]+)"', page)}
            voted = set(
                CommentVote.objects.filter(member=member, comment__status="visible").values_list(
                    "comment_id", flat=True
                )
            )
            assert shown & voted
            assert page.count('aria-pressed="true"') == len(shown & voted)  # the member's votes on this page
    page = client.get(urls[0]).content.decode()
    assert "관리자에 의해 숨겨진 댓글입니다." in page and "삭제된 댓글입니다." in page


def test_an_article_with_3000_comments_renders_one_page_of_threads(client, member, neighbour, make_article):
    two_pages = make_article()
    fill(two_pages, [member, neighbour], roots=51)
    one, _ = count_queries(client, two_pages.get_absolute_url())
    big = make_article()
    fill(big, [member, neighbour], roots=600)
    assert Comment.objects.filter(article=big).count() == 3000
    for query in ("", "?cpage=12", "?sort=likes&cpage=7"):
        queries, page = count_queries(client, big.get_absolute_url() + query)
        assert queries == one
        assert page.count('class="comment comment--depth-1"') == 50
        assert page.count('class="comment ') == 250
