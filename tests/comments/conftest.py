import datetime

import pytest
from django.utils import timezone

from comments import services
from comments.models import Comment


@pytest.fixture
def article(make_article):
    return make_article(title="운정신도시 도서관 개관")


@pytest.fixture
def neighbour(django_user_model):
    return django_user_model.objects.create_user(
        username="neighbour", password="correct-horse-battery", nickname="교하이웃", email="neighbour@example.com"
    )


@pytest.fixture
def say():
    """Post a comment through the service as if the author's previous comment were a minute old."""

    def post(article, author, text="좋은 기사네요.", parent=None):
        Comment.objects.filter(author=author).update(created_at=timezone.now() - datetime.timedelta(minutes=1))
        return services.comment_create(article=article, author=author, text=text, parent=parent)

    return post
