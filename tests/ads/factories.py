import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ads.models import Banner
from tests.conftest import png_bytes


def make_banner(slot="top", **fields):
    """A running banner in the slot, started an hour ago, with no end date."""
    fields.setdefault("advertiser", f"가상 광고주 {slot}")
    fields.setdefault("alt_text", f"{slot} 자리 광고 문구")
    fields.setdefault("link_url", "https://example.com/landing")
    fields.setdefault("starts_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("image", SimpleUploadedFile(f"{slot}.png", png_bytes((728, 90)), content_type="image/png"))
    return Banner.objects.create(slot=slot, **fields)
