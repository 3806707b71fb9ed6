"""BEST 댓글, the three orders and pages of threads, and the permalink that opens the right page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments import services
from comments.models import Comment
from comments.threads import location_of

pytestmark = pytest.mark.django_db


def roots_shown(page):
    """The ids of the top-level comments on the page, in order."""
    return [int(pk) for pk in re.findall(r'class="comment comment--depth-1" id="comment-([0-9]+)"', page)]


def comments_shown(page):
    return [int(pk) for pk in re.findall(r'id="comment-([0-9]+)"', page)]


def set_likes(comment, likes, dislikes=0):
    Comment.objects.filter(pk=comment.pk).update(like_count=likes, dislike_count=dislikes)


@pytest.fixture
def thread(article, member, neighbour, say):
    """Three threads: a, b (with a reply r), c."""
    a = say(article, neighbour, "첫째 글")
    b = say(article, member, "둘째 글")
    r = say(article, neighbour, "둘째 글에 답글", parent=b)
    c = say(article, neighbour, "셋째 글")
    return a, b, r, c


# BEST comes from the page when it holds every thread, else from its own query over all of them.
ONE_PAGE_OR_MORE = pytest.mark.parametrize("threads_per_page", [50, 1])


@ONE_PAGE_OR_MORE
def test_best_shows_the_top_three_with_enough_likes(client, article, thread, settings, threads_per_page):
    settings.COMMENT_BEST_MIN_LIKES = 3
    settings.COMMENT_THREADS_PER_PAGE = threads_per_page
    a, b, r, c = thread
    for comment, likes in ((a, 3), (b, 9), (r, 5), (c, 2)):
        set_likes(comment, likes)
    page = client.get(article.get_absolute_url()).content.decode()
    best = page.split('id="comments-best-title"')[1].split("</section>")[0]
    assert [int(pk) for pk in re.findall(r'href="/comments/([0-9]+)/"', best)] == [b.pk, r.pk, a.pk]
    assert "BEST 1" in best and "공감 9 · 비공감 0" in best
    assert "셋째 글" not in best  # 2 공감: under the threshold


@ONE_PAGE_OR_MORE
def test_best_leaves_out_hidden_comments_and_is_absent_below_the_threshold(
    client, article, thread, settings, threads_per_page
):
    settings.COMMENT_BEST_MIN_LIKES = 10
    settings.COMMENT_THREADS_PER_PAGE = threads_per_page
    a, b, r, c = thread
    set_likes(a, 20)
    set_likes(b, 9)
    services.comment_hide(comment=a)
    assert "BEST 댓글" not in client.get(article.get_absolute_url()).content.decode()


def test_three_orders_keep_replies_under_their_thread(client, article, thread):
    a, b, r, c = thread
    set_likes(a, 1)
    set_likes(b, 4)
    set_likes(r, 50)  # a reply's likes do not lift its thread
    set_likes(c, 2)
    url = article.get_absolute_url()
    assert comments_shown(client.get(url).content.decode()) == [a.pk, b.pk, r.pk, c.pk]
    assert comments_shown(client.get(url + "?sort=newest").content.decode()) == [c.pk, b.pk, r.pk, a.pk]
    assert comments_shown(client.get(url + "?sort=likes").content.decode()) == [b.pk, r.pk, c.pk, a.pk]


def test_sort_links_mark_the_current_order(client, article, thread):
    url = article.get_absolute_url()
    page = client.get(url + "?sort=likes").content.decode()
    nav = page.split('aria-label="댓글 정렬"')[1].split("</nav>")[0]
    assert f'<a href="{url}#comments">등록순</a>' in nav
    assert f'<a href="{url}?sort=newest#comments">최신순</a>' in nav
    assert f'<a href="{url}?sort=likes#comments" aria-current="true">공감순</a>' in nav
    # An unknown order is the default one.
    page = client.get(url + "?sort=bogus").content.decode()
    assert f'<a href="{url}#comments" aria-current="true">등록순</a>' in page


@pytest.fixture
def many_threads(article, member, neighbour, settings):
    """7 threads of two comments, 3 threads a page: pages of 3, 3 and 1 thread."""
    settings.COMMENT_THREADS_PER_PAGE = 3
    roots = []
    for number in range(7):
        root = Comment(article=article, author=neighbour, text=f"{number}번 글")
        root.place_under(None)
        root.save()
        root.save_path()
        reply = Comment(article=article, author=member, text=f"{number}번 글의 답글")
        reply.place_under(root)
        reply.save()
        reply.save_path()
        roots.append((root, reply))
    services.comments_recount(article=article)
    return roots


def test_comments_come_a_page_of_threads_at_a_time(client, article, many_threads):
    url = article.get_absolute_url()
    first = client.get(url).content.decode()
    assert roots_shown(first) == [root.pk for root, _ in many_threads[:3]]
    assert len(comments_shown(first)) == 6
    pages = first.split('aria-label="댓글 페이지"')[1].split("</nav>")[0]
    assert f'href="{url}#comments" aria-current="page"' in pages
    assert f'href="{url}?cpage=2#comments"' in pages and f'href="{url}?cpage=3#comments"' in pages
    assert roots_shown(client.get(url + "?cpage=3").content.decode()) == [many_threads[6][0].pk]
    newest_second = client.get(url + "?cpage=2&sort=newest").content.decode()
    assert roots_shown(newest_second) == [root.pk for root, _ in many_threads[3:0:-1]]
    assert f'href="{url}?cpage=3&amp;sort=newest#comments"' in newest_second


@pytest.mark.parametrize("asked", ["0", "-2", "abc", "99"])
def test_a_page_number_out_of_range_shows_a_page_that_exists(client, article, many_threads, asked):
    response = client.get(article.get_absolute_url() + f"?cpage={asked}")
    assert response.status_code == 200
    expected = many_threads[6][0].pk if asked == "99" else many_threads[0][0].pk
    assert roots_shown(response.content.decode())[0] == expected


def test_the_permalink_opens_the_page_of_the_comment(client, article, many_threads):
    reply_on_page_two = many_threads[4][1]
    response = client.get(reverse("comments:permalink", args=[reply_on_page_two.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}?cpage=2#comment-{reply_on_page_two.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'id="comment-{reply_on_page_two.pk}"' in page
    first = many_threads[0][0]
    assert client.get(first.get_absolute_url())["Location"] == f"{article.get_absolute_url()}#comment-{first.pk}"


def test_the_permalink_of_a_comment_under_an_unpublished_article_is_not_found(client, make_article, neighbour, say):
    draft = make_article(status="draft")
    comment = Comment.objects.create(article=draft, author=neighbour, text="초안 기사의 댓글", path="0000000001")
    assert client.get(reverse("comments:permalink", args=[comment.pk])).status_code == 404


def test_a_new_comment_opens_the_page_it_landed_on(client, member, article, many_threads):
    client.force_login(member)
    Comment.objects.update(created_at=Comment.objects.earliest("created_at").created_at.replace(year=2020))
    response = client.post(reverse("comments:post", args=[article.pk]), {"text": "여덟째 글"})
    comment = Comment.objects.get(text="여덟째 글")
    assert response["Location"] == f"{article.get_absolute_url()}?cpage=3#comment-{comment.pk}"
    assert location_of(comment) == response["Location"]
    assert comment.get_absolute_url() == f"/comments/{comment.pk}/"


def test_a_guest_s_comment_section_is_kept_until_the_comments_change(client, article, member, neighbour, say):
    """Guests share one copy per article, order and page; a new or hidden comment shows at once, and a
    member is never given the guests' copy."""
    first = say(article, neighbour, "첫 댓글입니다")
    url = article.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert "첫 댓글입니다" in page
    assert not [query for query in queries.captured_queries if "comments_comment" in query["sql"]]

    say(article, member, "새로 단 댓글")
    assert "새로 단 댓글" in client.get(url).content.decode()
    assert "새로 단 댓글" in client.get(url + "?sort=newest").content.decode()
    services.comment_hide(comment=first)
    assert "첫 댓글입니다" not in client.get(url).content.decode()

    client.force_login(member)
    page = client.get(url).content.decode()
    assert 'id="comment-vote-form"' in page and "(로그인 후 누를 수 있습니다)" not in page
