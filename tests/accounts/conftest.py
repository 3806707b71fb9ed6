import re

import pytest
from captcha.models import CaptchaStore

from pages.models import Document


def captcha_on(html):
    """The challenge key a page shows, and its right answer from the store."""
    key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
    return key, CaptchaStore.objects.get(hashkey=key).response


@pytest.fixture
def signup_data():
    """A complete, valid signup for the current documents; the captcha answer is filled per test."""

    def make(**changes):
        data = {
            "username": "paju_reader",
            "nickname": "파주독자",
            "email": "reader@example.com",
            "password1": "운정호수-산책-2026",
            "password2": "운정호수-산책-2026",
            "agree_terms": "on",
            "agree_privacy": "on",
            "terms_version": Document.objects.current(Document.Kind.TERMS).version,
            "privacy_version": Document.objects.current(Document.Kind.PRIVACY).version,
            "captcha_0": "test",
            "captcha_1": "passed",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Login tests check many passwords; a fast hasher keeps them quick (the rules are the same)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
