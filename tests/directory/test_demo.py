import io

import pytest
from django.urls import reverse

from directory import demo
from directory.models import Listing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_demo_photos")]


def test_demo_fills_every_category_with_photos_and_some_paid_listings_once(client):
    demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    assert Listing.objects.count() == len(demo.LISTINGS) >= 12
    for slug in ("food", "services", "retail", "medical", "education", "real-estate"):
        assert Listing.objects.published().filter(category__slug=slug).exists(), slug
    assert Listing.objects.filter(is_paid=True).count() >= 3
    assert not Listing.objects.filter(photos__isnull=True).exists()
    # no real business is ever called from the demo
    assert all(listing.phone.startswith("031-000-") for listing in Listing.objects.all())
    assert client.get(reverse("directory:category", args=["food"])).status_code == 200
