"""Test data and request helpers shared by the suite; fixtures in tests/conftest.py call these.

Every time a factory picks is explicit and counted within one test (from the rows the test
already made), never from a counter that runs across the whole session: a long run does not
drift into the past. Tests that depend on the day or the month use the `frozen_now` fixture.
"""

import datetime
import io
import re

from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as Role
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from ads.models import Banner
from articles.models import Article, Section
from directory.models import Listing, ListingPhoto
from epaper.models import Edition

PASSWORD = "correct-horse-battery"

# 2026-11-18 10:30 KST, a Wednesday in the middle of a month: what `frozen_now` sets the clock to.
FROZEN_NOW = datetime.datetime(2026, 11, 18, 1, 30, tzinfo=datetime.UTC)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# --- files -------------------------------------------------------------------------------------


def png_bytes(size=(800, 600), color=(30, 90, 160), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def png_upload(name="photo.png", size=(800, 600), fmt="PNG", content_type="image/png"):
    return SimpleUploadedFile(name, png_bytes(size, fmt=fmt), content_type=content_type)


def pdf_upload(name="paper.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def file_bytes(response):
    """The whole body of a streaming response."""
    buffer = io.BytesIO()
    for chunk in response.streaming_content:
        buffer.write(chunk)
    return buffer.getvalue()


# --- people ------------------------------------------------------------------------------------


def make_user(username, role=None, **extra):
    """A user with the suite's password; with a role (기자, 데스크) also a staff member."""
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.com", **extra
    )
    if role:
        user.is_staff = True
        user.save()
        user.groups.add(Role.objects.get(name=role))
    return user


# --- content -----------------------------------------------------------------------------------


def make_article(reporter=None, section="paju", status=Article.Status.PUBLISHED, published_at=None, **fields):
    """An article in 파주뉴스; the n-th one of a test is published n minutes before now unless told."""
    number = Article.objects.count() + 1
    fields.setdefault("title", f"파주 소식 {number}")
    fields.setdefault("summary", f"요약 {number}")
    fields.setdefault("body", f"<p>본문 {number}</p>")
    if published_at is None:
        published_at = timezone.now() - datetime.timedelta(minutes=number)
    return Article.objects.create(
        section=Section.objects.get(slug=section), status=status, published_at=published_at, reporter=reporter, **fields
    )


def article_form(reporter, **overrides):
    """What the admin's article form posts, for a valid draft; overrides change or add fields."""
    data = {
        "section": Section.objects.get(slug="paju").pk,
        "title": "운정호수공원 야간 개방 연장",
        "subtitle": "",
        "summary": "여름철 야간 개방이 밤 10시까지 늘어난다.",
        "body": "<p>파주시는 운정호수공원 야간 개방 시간을 늘린다고 밝혔다.</p>",
        "photo_alt": "",
        "photo_caption": "",
        "photo_credit": "",
        "video_url": "",
        "status": "draft",
        "published_at_0": "2026-11-20",
        "published_at_1": "09:00:00",
        "reporter": reporter.pk,
        "byline": "",
        "origin": "own",
        "review_note": "",
    }
    # the admin's inline forms (co-reporters, corrections) come with management data
    for prefix in ("bylines", "corrections"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def make_banner(slot="top", **fields):
    """A running banner in the slot, started an hour before now, with no end date."""
    fields.setdefault("advertiser", f"가상 광고주 {slot}")
    fields.setdefault("alt_text", f"{slot} 자리 광고 문구")
    fields.setdefault("link_url", "https://example.com/landing")
    fields.setdefault("starts_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("image", png_upload(f"{slot}.png", (728, 90)))
    return Banner.objects.create(slot=slot, **fields)


def make_listing(category="food", photo=False, **fields):
    """A published listing in the given directory category, optionally with one photo."""
    number = Listing.objects.count() + 1
    fields.setdefault("name", f"파주 가게 {number}")
    fields.setdefault("summary", f"한 줄 소개 {number}")
    fields.setdefault("description", f"가게 소개 {number}")
    fields.setdefault("area", "운정동")
    fields.setdefault("address", f"경기도 파주시 가람로 {number}")
    listing = Listing.objects.create(category=Section.objects.get(slug=category), **fields)
    if photo:
        ListingPhoto.objects.create(
            listing=listing, image=png_upload(f"place-{number}.png", (600, 400)), alt=f"{listing.name} 가게 모습"
        )
    return listing


def make_edition(days_ago=None, **fields):
    """A published edition; the n-th one of a test is dated n-1 weeks before today unless told."""
    number = Edition.objects.count()
    if days_ago is None:
        days_ago = number * 7
    fields.setdefault("date", timezone.localdate() - datetime.timedelta(days=days_ago))
    fields.setdefault("issue_number", 900 - number)
    fields.setdefault("headline", f"1면 머리기사 {number + 1}")
    fields.setdefault("pdf", pdf_upload())
    fields.setdefault("cover", png_upload("cover.png", (400, 566)))
    return Edition.objects.create(**fields)


# --- requests ----------------------------------------------------------------------------------


def captcha_on(html, client=None):
    """The challenge key a page shows, and its right answer from the store, after loading its image as
    a browser does (the image request makes the challenge)."""
    key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
    assert (client or Client()).get(reverse("captcha-image", args=[key])).status_code == 200
    return key, CaptchaStore.objects.get(hashkey=key).response


def hit(client, article=None, referrer="", **data):
    """What visitors.js sends after a page has loaded."""
    if article is not None:
        data["a"] = str(article.pk)
    if referrer:
        data["r"] = referrer
    response = client.post(reverse("visitors:beacon"), data)
    assert response.status_code == 204
    return response


def newspaper_pdf(pages=4):
    """A broadsheet-like PDF (A3 pages: masthead, columns of text, a photo, rules), made with reportlab."""
    from reportlab.lib.pagesizes import A3
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    width, height = A3
    pdf = canvas.Canvas(buffer, pagesize=A3)
    photo = io.BytesIO()
    Image.effect_mandelbrot((800, 500), (-2.0, -1.0, 1.0, 1.0), 60).convert("RGB").save(photo, "JPEG", quality=85)
    words = [
        "paju",
        "city",
        "council",
        "river",
        "bridge",
        "festival",
        "market",
        "school",
        "harvest",
        "road",
        "budget",
        "station",
    ]
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 44)
        pdf.drawString(40, height - 70, f"FIRSTNEWS  page {number}")
        pdf.setLineWidth(3)
        pdf.line(40, height - 84, width - 40, height - 84)
        pdf.drawImage(ImageReader(io.BytesIO(photo.getvalue())), 40, height - 480, width=500, height=370)
        pdf.setFont("Helvetica", 9)
        for column in range(4):
            x = 40 + column * ((width - 80) / 4)
            for line in range(95 if column < 2 else 125):
                y = (height - 500 if column < 2 else height - 110) - line * 11
                if y < 40:
                    break
                text = " ".join(words[(number + column + line + k) % len(words)] for k in range(6))
                pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
