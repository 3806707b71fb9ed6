from __future__ import annotations

import datetime
import io
from pathlib import PurePath
from typing import Self

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageOps

from lib.cache import Cached
from lib.images import validate_image


class Slot(models.TextChoices):
    TOP = "top", "상단 (728×90)"
    SIDEBAR = "sidebar", "사이드 (300×250)"
    ARTICLE = "article", "기사 본문 아래 (640×160)"


# The box every slot reserves in the layout, whatever the banner image was.
SLOT_SIZES = {
    Slot.TOP: (728, 90),
    Slot.SIDEBAR: (300, 250),
    Slot.ARTICLE: (640, 160),
}


class BannerQuerySet(models.QuerySet["Banner"]):
    def running(self, now: datetime.datetime | None = None) -> Self:
        """Banners readers may see now: switched on and inside their dates."""
        now = now or timezone.now()
        return self.filter(is_active=True, starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


class Banner(models.Model):
    advertiser = models.CharField("광고주", max_length=80)
    slot = models.CharField("위치", max_length=10, choices=Slot.choices)
    image = models.ImageField(
        "배너 이미지",
        upload_to="ads/%Y/%m/",
        validators=[validate_image],
        help_text="위치의 크기(또는 그 두 배)로 만든 그림이 가장 깔끔합니다. 다른 비율은 가운데를 잘라 맞춥니다.",
    )
    display_image = models.CharField(max_length=255, blank=True, editable=False)
    alt_text = models.CharField("대체 텍스트", max_length=150, help_text="그림을 볼 수 없는 독자에게 읽어 줄 광고 문구")
    link_url = models.URLField(
        "연결 주소",
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="http:// 또는 https:// 주소. 클릭은 집계된 뒤 이 주소로만 이동합니다.",
    )
    starts_at = models.DateTimeField("게재 시작", default=timezone.now)
    ends_at = models.DateTimeField("게재 종료", null=True, blank=True, help_text="비우면 끌 때까지 게재합니다.")
    is_active = models.BooleanField("게재", default=True)
    impressions = models.PositiveBigIntegerField("노출 수", default=0, editable=False)
    clicks = models.PositiveBigIntegerField("클릭 수", default=0, editable=False)
    created_at = models.DateTimeField("등록 시각", auto_now_add=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["slot", "-starts_at", "-id"]
        verbose_name = "배너 광고"
        verbose_name_plural = "배너 광고"
        indexes = [models.Index(fields=["is_active", "slot", "starts_at"], name="banner_running")]

    def __str__(self):
        return f"{self.advertiser} ({self.get_slot_display()})"

    def save(self, *args, **kwargs):
        if self.image and not self.display_image.startswith(f"{self.image.name}|"):
            super().save(*args, **kwargs)
            self.display_image = f"{self.image.name}|{self._render_for_slot()}"
            kwargs = {"using": kwargs.get("using"), "update_fields": ["display_image"]}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ads:click", args=[self.pk])

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "게재 종료는 게재 시작보다 뒤여야 합니다."})

    @property
    def size(self):
        return SLOT_SIZES[self.slot]

    @property
    def display_url(self):
        path = self.display_image.partition("|")[2]
        return self.image.storage.url(path) if path else ""

    def is_running(self, now):
        return self.is_active and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    def _render_for_slot(self):
        """Crop and scale the upload to twice the slot size once, so every page shows the same box."""
        width, height = self.size
        with self.image.open("rb") as source:
            image = ImageOps.exif_transpose(Image.open(source)).convert("RGB")
        image = ImageOps.fit(image, (width * 2, height * 2), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85, optimize=True)
        folder = PurePath(self.image.name).parent / "slot"
        return self.image.storage.save(
            str(folder / f"{PurePath(self.image.name).stem}.jpg"), ContentFile(buffer.getvalue())
        )


def _scheduled_banners():
    """{slot: [banner, …]} of switched-on banners that have not ended."""
    now = timezone.now()
    slots = {}
    for banner in Banner.objects.filter(is_active=True).exclude(ends_at__lte=now):
        slots.setdefault(banner.slot, []).append(banner)
    return slots


# Saving or deleting a banner clears the cache and dates are checked at every render, so the timeout
# only bounds how long a change made without save() (a bulk update) takes to show.
SCHEDULED_BANNERS = Cached("ads:slots", 60, _scheduled_banners)
SCHEDULED_BANNERS.clear_on(Banner)


def next_scheduled_change(now):
    """The next moment a switched-on banner starts or ends (lib.pagecache caps cached lifetimes by it);
    read from the cached schedule, no query."""
    moments = [
        moment
        for banners in SCHEDULED_BANNERS.get().values()
        for banner in banners
        for moment in (banner.starts_at, banner.ends_at)
        if moment is not None and moment > now
    ]
    return min(moments) if moments else None
