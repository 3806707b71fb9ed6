import io

import pytest
from django.urls import reverse

from epaper import demo
from epaper.models import Edition, validate_pdf

pytestmark = pytest.mark.django_db


def test_demo_makes_six_weekly_editions_of_real_pdfs_once(client, make_article):
    for number in range(12):
        make_article(title=f"데모 지면용 기사 {number}")
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    editions = list(Edition.objects.published())
    assert len(editions) == demo.EDITIONS
    assert {edition.date.weekday() for edition in editions} == {4}  # Fridays
    for edition in editions:
        with edition.pdf.open("rb") as pdf:
            validate_pdf(pdf)
        assert edition.cover_rendition()
    assert editions[0].headline.startswith("데모 지면용 기사")
    assert client.get(reverse("epaper:latest")).url == editions[0].get_absolute_url()
