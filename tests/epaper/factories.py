import datetime
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from epaper.models import Edition
from tests.conftest import png_bytes

_numbers = itertools.count(100)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="paper.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_edition(days_ago=None, **fields):
    """A published edition; each new one is a week older than the one before unless told otherwise."""
    number = next(_numbers)
    if days_ago is None:
        days_ago = (number - 100) * 7
    fields.setdefault("date", timezone.localdate() - datetime.timedelta(days=days_ago))
    fields.setdefault("issue_number", 1000 - number)
    fields.setdefault("headline", f"1면 머리기사 {number}")
    fields.setdefault("pdf", pdf_upload())
    fields.setdefault("cover", SimpleUploadedFile("cover.png", png_bytes((400, 566)), content_type="image/png"))
    return Edition.objects.create(**fields)
