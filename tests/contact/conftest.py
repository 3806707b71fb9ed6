import pytest
from captcha.models import CaptchaStore
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import PDF_BYTES, png_bytes


@pytest.fixture(autouse=True)
def _contact_test_settings(settings, monkeypatch, tmp_path):
    """Captcha in the library's test mode ("PASSED" is right); attachments in a temporary private folder."""
    settings.CAPTCHA_TEST_MODE = True
    settings.CONTACT_UPLOAD_ROOT = tmp_path / "private"
    settings.NEWSROOM_EMAILS = []


@pytest.fixture
def tip_data(db):
    def make(**overrides):
        data = {
            "name": "홍길순",
            "phone": "010-0000-1234",
            "email": "tipster@example.com",
            "title": "문산 시장 앞 가로등이 꺼져 있어요",
            "content": "문산 시장 앞 가로등 세 개가 일주일째 꺼져 있어 밤길이 어둡습니다.",
            "consent": "on",
            "captcha_0": CaptchaStore.generate_key(),
            "captcha_1": "PASSED",
            "website": "",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def ad_data(db):
    def make(**overrides):
        data = {
            "company": "파주 꽃집 들녘",
            "contact_person": "최봄",
            "phone": "031-000-5555",
            "email": "flower@example.com",
            "kind": "banner",
            "period": "2027년 3월 한 달",
            "budget": "월 40만 원",
            "message": "봄맞이 행사를 알리는 배너를 걸고 싶습니다.",
            "consent": "on",
            "captcha_0": CaptchaStore.generate_key(),
            "captcha_1": "PASSED",
            "website": "",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def png_file():
    def make(name="photo.png", content_type="image/png"):
        return SimpleUploadedFile(name, png_bytes((400, 300)), content_type=content_type)

    return make


@pytest.fixture
def pdf_file():
    def make(name="document.pdf", data=PDF_BYTES):
        return SimpleUploadedFile(name, data, content_type="application/pdf")

    return make
