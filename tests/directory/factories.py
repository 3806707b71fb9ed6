import itertools

from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Section
from directory.models import Listing, ListingPhoto
from tests.conftest import png_bytes

_numbers = itertools.count(1)


def make_listing(category="food", photo=False, **fields):
    """A published listing in the given directory category, optionally with one photo."""
    number = next(_numbers)
    fields.setdefault("name", f"파주 가게 {number}")
    fields.setdefault("summary", f"한 줄 소개 {number}")
    fields.setdefault("description", f"가게 소개 {number}")
    fields.setdefault("area", "운정동")
    fields.setdefault("address", f"경기도 파주시 가람로 {number}")
    listing = Listing.objects.create(category=Section.objects.get(slug=category), **fields)
    if photo:
        ListingPhoto.objects.create(
            listing=listing,
            image=SimpleUploadedFile(f"place-{number}.png", png_bytes((600, 400)), content_type="image/png"),
            alt=f"{listing.name} 가게 모습",
        )
    return listing
