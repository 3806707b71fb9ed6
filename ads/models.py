from __future__ import annotations

import datetime
from typing import Any, Self

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from lib.cache import Cached
from lib.images import RenditionsMixin, RewrittenImageField, make_renditions, validate_image


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
# Art direction for phones: a slot whose wide box would be a thin strip on a narrow screen gets a
# second box (a 728×90 banner would be 41 px high at 360 px); shown below NARROW_MEDIA.
NARROW_SIZES = {Slot.TOP: (320, 100)}
NARROW_MEDIA = "(max-width: 600px)"


class BannerQuerySet(models.QuerySet["Banner"]):
    def running(self, now: datetime.datetime | None = None) -> Self:
        """Banners readers may see now: switched on and inside their dates."""
        now = now or timezone.now()
        return self.filter(is_active=True, starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


class Banner(RenditionsMixin, models.Model):
    rendition_source = "image"
    rendition_store = "renditions"

    advertiser = models.CharField("광고주", max_length=80)
    slot = models.CharField("위치", max_length=10, choices=Slot.choices)
    image = RewrittenImageField(
        "배너 이미지",
        upload_to="ads/%Y/%m/",
        validators=[validate_image],
        help_text="위치의 크기(또는 그 두 배)로 만든 그림이 가장 깔끔합니다. 다른 비율은 가운데를 잘라 맞춥니다.",
    )
    image_narrow = RewrittenImageField(
        "좁은 화면용 이미지",
        upload_to="ads/%Y/%m/",
        blank=True,
        validators=[validate_image],
        help_text="상단 배너만: 휴대전화에 보일 640×200 그림. 비우면 배너 이미지의 가운데를 잘라 씁니다.",
    )
    renditions = models.JSONField(default=dict, blank=True, editable=False)
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
        """The JPEG of the slot's box (the admin's preview; pages use the <picture> of ads/slot.html)."""
        rendition = self.rendition("slot")
        return rendition[0] if rendition else ""

    @property
    def narrow_size(self):
        return NARROW_SIZES.get(self.slot)

    def is_running(self, now):
        return self.is_active and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    def rendition_key_source(self) -> str:
        return f"{self.slot}|{self.image.name}|{self.image_narrow.name or ''}"

    def make_renditions(self) -> dict[str, list[Any]]:
        """The slot's box at 1x and 2x, and for a slot with a narrow box the phone's picture at 1x/2x
        (from the narrow upload, else cropped from the banner), each in every format."""
        width, height = self.size
        result = make_renditions(
            self.image, spec={"slot": (width, height, True), "slot2x": (width * 2, height * 2, True)}
        )
        if self.narrow_size:
            width, height = self.narrow_size
            spec = {"narrow": (width, height, True), "narrow2x": (width * 2, height * 2, True)}
            result |= make_renditions(self.image_narrow or self.image, spec=spec)
        return result


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
