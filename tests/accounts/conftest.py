import pytest

from pages.models import Document


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
