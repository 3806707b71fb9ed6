"""An article page costs the same number of queries with 500 comments over 5 levels as with none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import MAX_DEPTH, Comment

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


@pytest.mark.parametrize("who", ["guest", "member"])
def test_query_count_is_the_same_with_500_comments_as_with_none(client, member, neighbour, make_article, who):
    if who == "member":
        client.force_login(member)
    empty, page = count_queries(client, make_article().get_absolute_url())
    assert "등록된 댓글이 없습니다." in page
    busy_article = make_article()
    fill(busy_article, [member, neighbour])
    assert Comment.objects.filter(article=busy_article).count() == 500
    busy, page = count_queries(client, busy_article.get_absolute_url())
    assert page.count('class="comment comment--depth-5"') == 100
    assert "관리자에 의해 숨겨진 댓글입니다." in page and "삭제된 댓글입니다." in page
    section = page.split('id="comments"')[1].split("</section>")[0]
    assert section.count("<ol") == section.count("</ol>") == 1 + 400  # one list, and one for each comment with replies
    assert busy == empty
