import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = [
    reverse("articles:home"),
    reverse("articles:group", args=["news"]),
    reverse("articles:section", args=["news", "paju"]),
    reverse("articles:reporter", args=["reporter"]),
]


@pytest.fixture
def hidden_articles(make_article):
    return [
        make_article(title="작성 중인 비공개 기사", status=Article.Status.DRAFT),
        make_article(title="검토 요청된 비공개 기사", status=Article.Status.REVIEW),
        make_article(title="내일 발행 예약 기사", published_at=timezone.now() + datetime.timedelta(days=1)),
    ]


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_readers_never_see_draft_review_or_future_articles_in_lists(client, make_article, hidden_articles, url):
    make_article(title="공개된 기사")
    page = client.get(url).content.decode()
    assert "공개된 기사" in page
    for article in hidden_articles:
        assert article.title not in page


def test_hidden_articles_answer_404_to_readers_and_members(client, member, hidden_articles):
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(member)
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 404


def test_hidden_articles_stay_out_of_latest_and_previous_next_links(client, make_article, hidden_articles):
    public = make_article(title="이웃 기사를 보여 주는 기사", published_at=timezone.now() - datetime.timedelta(days=2))
    page = client.get(public.get_absolute_url()).content.decode()
    for article in hidden_articles:
        assert article.title not in page


def test_staff_can_preview_an_unpublished_article_with_a_notice(client, reporter, hidden_articles):
    client.force_login(reporter)
    response = client.get(hidden_articles[2].get_absolute_url())
    assert response.status_code == 200
    assert "미리보기" in response.content.decode()
    assert "예약" in response.content.decode()


def test_reporters_preview_only_their_own_unpublished_articles_and_the_desk_any(
    client, other_reporter, editor, hidden_articles
):
    client.force_login(other_reporter)
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 404
    Byline.objects.create(article=hidden_articles[0], reporter=other_reporter, role="사진")
    assert client.get(hidden_articles[0].get_absolute_url()).status_code == 200
    client.force_login(editor)
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 200


def test_scheduled_article_appears_once_its_time_has_come(client, make_article):
    article = make_article(title="정시에 열리는 기사", published_at=timezone.now() + datetime.timedelta(seconds=2))
    assert client.get(article.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200
