import pytest
from django.test import Client

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def browser():
    """A new browser: its own cookie jar, a desktop Chrome user agent."""

    def make(user_agent=BROWSER, address="203.0.113.7"):
        return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)

    return make
