from __future__ import annotations

from typing import Self
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from articles.models import Group, Section
from lib.cache import Cached
from lib.images import RenditionsMixin, RewrittenImageField, validate_image


def directory_sections():
    """The categories: sections of the 우리동네업소소개 group, edited in the admin like any section."""
    return Section.objects.filter(group__kind=Group.Kind.DIRECTORY)


class ListingQuerySet(models.QuerySet["Listing"]):
    def published(self) -> Self:
        """What readers may see. Every public page, tag and search starts here."""
        return self.filter(is_published=True)

    def for_list(self) -> Self:
        """Category and photos in two queries, however many listings a page shows."""
        return self.select_related("category").prefetch_related("photos")

    def search(self, name: str = "", area: str = "") -> Self:
        queryset = self
        if name:
            queryset = queryset.filter(Q(name__icontains=name) | Q(summary__icontains=name))
        if area:
            queryset = queryset.filter(Q(area__icontains=area) | Q(address__icontains=area))
        return queryset


class Listing(models.Model):
    category = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        related_name="listings",
        verbose_name="업종",
        limit_choices_to={"group__kind": Group.Kind.DIRECTORY},
    )
    name = models.CharField("업소 이름", max_length=80)
    summary = models.CharField("한 줄 소개", max_length=120)
    description = models.TextField("소개글", max_length=4000, help_text="문단은 빈 줄로 나눕니다.")
    area = models.CharField("동네", max_length=30, help_text="검색에 쓰는 읍·면·동 이름. 예: 운정동, 문산읍")
    address = models.CharField("주소", max_length=200, help_text="지도 검색에 그대로 쓰입니다.")
    phone = models.CharField("전화번호", max_length=30, blank=True)
    hours = models.CharField("영업시간", max_length=200, blank=True, help_text="예: 매일 11:00~21:00, 월요일 휴무")
    website = models.URLField("홈페이지", blank=True)
    is_paid = models.BooleanField(
        "유료 게재(광고)", default=False, help_text="돈을 받고 싣는 업소는 목록과 상세 화면에 '광고'로 표시됩니다."
    )
    is_published = models.BooleanField("공개", default=True)
    created_at = models.DateTimeField("등록 시각", auto_now_add=True)
    updated_at = models.DateTimeField("수정 시각", auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "업소"
        verbose_name_plural = "업소"
        indexes = [models.Index(fields=["category", "is_published", "name", "id"], name="listing_category_list")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:detail", args=[self.pk])

    def clean(self):
        if self.category_id and self.category.group.kind != Group.Kind.DIRECTORY:
            raise ValidationError({"category": "우리동네업소소개의 업종을 고르세요."})

    @property
    def naver_map_url(self):
        return f"https://map.naver.com/p/search/{quote(self.address, safe='')}"

    @property
    def kakao_map_url(self):
        return f"https://map.kakao.com/link/search/{quote(self.address, safe='')}"

    @property
    def phone_link(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

    @property
    def first_photo(self):
        """The list thumbnail; uses prefetched photos when the queryset has them."""
        photos = list(self.photos.all())
        return photos[0] if photos else None


class ListingPhoto(RenditionsMixin, models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="photos", verbose_name="업소")
    image = RewrittenImageField("사진", upload_to="directory/%Y/%m/", validators=[validate_image])
    alt = models.CharField("대체 텍스트", max_length=200, help_text="사진을 볼 수 없는 독자에게 읽어 줄 설명")
    order = models.PositiveSmallIntegerField("순서", default=0)
    renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "업소 사진"
        verbose_name_plural = "업소 사진"

    def __str__(self):
        return self.alt


HOME_BLOCK_SIZE = 4


def _home_block():
    return list(Listing.objects.published().for_list().order_by("-created_at", "-id")[:HOME_BLOCK_SIZE])


# The home page's newest listings, cached until an editor changes a listing or a photo.
HOME_BLOCK = Cached("directory:home-block", 600, _home_block)
HOME_BLOCK.clear_on(Listing, ListingPhoto)
