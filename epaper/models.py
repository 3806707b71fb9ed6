from __future__ import annotations

import secrets
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from lib.filetypes import check_size, is_pdf
from lib.images import RENDITIONS, RenditionsMixin, RewrittenImageField, make_renditions, validate_image


def validate_pdf(file):
    """Refuse anything that is not a PDF by its content, and anything too large."""
    check_size(file, settings.EPAPER_PDF_MAX_BYTES, "PDF")
    if not is_pdf(file):
        raise ValidationError("PDF 파일만 올릴 수 있습니다.", code="not_pdf")


def pdf_path(edition, filename):
    # The stored name is ours, always ending in .pdf, whatever the uploaded file was called; the random
    # part keeps an edition that is not out yet from being fetched from /media/ by guessing its date.
    return f"epaper/{edition.date:%Y}/firstnews-{edition.date:%Y%m%d}-{edition.issue_number}-{secrets.token_urlsafe(12)}.pdf"


class EditionQuerySet(models.QuerySet["Edition"]):
    def published(self) -> Self:
        """Editions readers may open: published and dated today or earlier (KST)."""
        return self.filter(is_published=True, date__lte=timezone.localdate())


class Edition(RenditionsMixin, models.Model):
    rendition_source = "cover"
    rendition_store = "cover_renditions"

    date = models.DateField("발행일", unique=True)
    issue_number = models.PositiveIntegerField("호수", unique=True)
    headline = models.CharField(
        "1면 머리기사", max_length=200, blank=True, help_text="목록과 화면 읽기 도구에 쓰입니다."
    )
    pdf = models.FileField("지면 PDF", upload_to=pdf_path, validators=[validate_pdf], help_text="PDF 파일, 최대 50MB")
    cover = RewrittenImageField(
        "1면 이미지", upload_to="epaper/covers/%Y/", validators=[validate_image], help_text="목록에 보이는 1면 그림"
    )
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    # {"source": pdf name, "pages": [{"full"|"view"|"thumb": [path, width, height]}, …]}: epaper/pages.py
    page_images = models.JSONField(default=dict, blank=True, editable=False)
    is_published = models.BooleanField("공개", default=True)
    created_at = models.DateTimeField("등록 시각", auto_now_add=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "지면"
        verbose_name_plural = "지면"

    def __str__(self):
        return f"제{self.issue_number}호 ({self.date:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.pdf and self.page_images.get("source") != self.pdf.name:
            self.render_pages()

    def get_absolute_url(self):
        return reverse("epaper:edition", args=[self.pk])

    @property
    def pdf_url(self):
        return reverse("epaper:pdf", args=[self.pk])

    @property
    def download_name(self):
        return f"firstnews-{self.date:%Y%m%d}-{self.issue_number}.pdf"

    def render_pages(self):
        """Render the PDF's pages to images once (the upload request, or `manage.py render_editions`)."""
        from .pages import delete_pages, render_pages

        old = self.page_images
        self.page_images = render_pages(self)
        super().save(update_fields=["page_images"])
        delete_pages(self.pdf.storage, old)

    def pages(self):
        """[{"number", "alt", "full"/"view"/"thumb": (url, width, height)}, …] for the page viewer."""
        storage = self.pdf.storage
        name = f"제{self.issue_number}호 {self.date.year}년 {self.date.month}월 {self.date.day}일"
        return [
            {
                "number": number,
                "alt": f"{name} {number}면",
                **{size: (storage.url(path), width, height) for size, (path, width, height) in entry.items()},
            }
            for number, entry in enumerate(self.page_images.get("pages", []), start=1)
        ]

    @property
    def cover_alt(self):
        alt = f"{self.date.year}년 {self.date.month}월 {self.date.day}일자 1면"
        return f"{alt}: {self.headline}" if self.headline else alt

    def make_renditions(self):
        # the archive's grid shows covers about 263 px wide: one more, narrower, proportional rendition
        return make_renditions(self.cover, spec=RENDITIONS | {"w270": (270, None, False)})

    def cover_rendition(self):
        """(url, width, height) of the proportional cover rendition, or None."""
        return self.rendition("medium")
