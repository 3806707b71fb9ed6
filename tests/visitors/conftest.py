import pytest
from django.test import Client
from django.urls import reverse

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def browser():
    """A new browser: its own cookie jar, a desktop Chrome user agent."""

    def make(user_agent=BROWSER, address="203.0.113.7"):
        return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)

    return make


def hit(client, article=None, referrer="", **data):
    """What visitors.js sends after a page has loaded."""
    if article is not None:
        data["a"] = str(article.pk)
    if referrer:
        data["r"] = referrer
    response = client.post(reverse("visitors:beacon"), data)
    assert response.status_code == 204
    return response
