import io

import pytest
from django.urls import reverse

from ads import demo
from ads.models import Banner, Slot

pytestmark = pytest.mark.django_db


def test_demo_places_one_labelled_banner_in_every_slot_once(client):
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert sorted(Banner.objects.running().values_list("slot", flat=True)) == sorted(Slot.values)
    for banner in Banner.objects.all():
        assert banner.link_url.startswith(("https://example.com/", "http://127.0.0.1:8000/"))
        assert banner.display_url
    assert "adslot--top" in client.get(reverse("articles:home")).content.decode()
