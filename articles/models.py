import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from .images import make_renditions, validate_image
from .sanitize import sanitize_html

MENU_CACHE_KEY = "articles:menu"

_YOUTUBE_ID = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{11})(?:[?&#].*)?$"
)


def youtube_id(url):
    match = _YOUTUBE_ID.match(url or "")
    return match.group("id") if match else None


def validate_youtube_url(value):
    if not youtube_id(value):
        raise ValidationError("유튜브 동영상 주소를 입력하세요 (예: https://www.youtube.com/watch?v=…).")


class Group(models.Model):
    """A top menu entry (퍼스트뉴스, 시정, 인터뷰, 우리동네업소소개)."""

    class Kind(models.TextChoices):
        ARTICLES = "articles", "기사"
        DIRECTORY = "directory", "업소 소개"

    name = models.CharField("이름", max_length=30)
    slug = models.SlugField("주소 이름", unique=True)
    kind = models.CharField("종류", max_length=10, choices=Kind.choices, default=Kind.ARTICLES)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "기사 묶음"
        verbose_name_plural = "기사 묶음"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(MENU_CACHE_KEY)

    def get_absolute_url(self):
        if self.kind == self.Kind.DIRECTORY:
            return reverse("directory:index")
        return reverse("articles:group", args=[self.slug])

    def delete(self, *args, **kwargs):
        cache.delete(MENU_CACHE_KEY)
        return super().delete(*args, **kwargs)


class Section(models.Model):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="sections", verbose_name="묶음")
    name = models.CharField("이름", max_length=30)
    slug = models.SlugField("주소 이름", unique=True)
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        ordering = ["group__order", "order", "id"]
        verbose_name = "섹션"
        verbose_name_plural = "섹션"

    def __str__(self):
        return f"{self.group.name} › {self.name}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(MENU_CACHE_KEY)

    def get_absolute_url(self):
        if self.group.kind == Group.Kind.DIRECTORY:
            return reverse("directory:category", args=[self.slug])
        return reverse("articles:section", args=[self.group.slug, self.slug])

    def delete(self, *args, **kwargs):
        cache.delete(MENU_CACHE_KEY)
        return super().delete(*args, **kwargs)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published and due. Every public entry point starts here."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_list(self):
        """The columns a list or widget shows, with section, group and reporter in one query."""
        return self.select_related("section__group", "reporter").defer("body")

    def visible_to(self, user):
        """Readers see published articles; newsroom staff may also preview the rest."""
        if user.is_active and user.is_staff:
            return self
        return self.published()


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "작성 중"
        REVIEW = "review", "검토 요청"
        PUBLISHED = "published", "발행"

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles", verbose_name="섹션")
    title = models.CharField("제목", max_length=200)
    subtitle = models.CharField("부제목", max_length=200, blank=True)
    summary = models.TextField(
        "요약", max_length=400, blank=True, help_text="목록과 검색 결과, 공유 미리보기에 쓰입니다."
    )
    body = CKEditor5Field("본문", config_name="article", blank=True)
    photo = models.ImageField("대표 사진", upload_to="articles/%Y/%m/", blank=True, validators=[validate_image])
    photo_alt = models.CharField(
        "사진 대체 텍스트", max_length=200, blank=True, help_text="사진을 볼 수 없는 독자에게 읽어 줄 설명"
    )
    photo_caption = models.CharField("사진 설명", max_length=300, blank=True)
    photo_credit = models.CharField("사진 출처", max_length=100, blank=True)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    video_url = models.URLField("동영상 주소(유튜브)", blank=True, validators=[validate_youtube_url])
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="articles", verbose_name="기자"
    )
    byline = models.CharField(
        "기자 표기", max_length=60, blank=True, help_text="비우면 기자 이름을 씁니다. 예: 김파주 기자"
    )
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("발행 시각", default=timezone.now)
    created_at = models.DateTimeField("작성 시각", auto_now_add=True)
    updated_at = models.DateTimeField("수정 시각", auto_now=True)
    view_count = models.PositiveIntegerField("조회수", default=0, editable=False)
    comment_count = models.PositiveIntegerField("댓글 수", default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "기사"
        verbose_name_plural = "기사"
        indexes = [
            models.Index(fields=["section", "status", "-published_at", "-id"], name="article_section_list"),
            models.Index(fields=["status", "-published_at", "-id"], name="article_list"),
            models.Index(fields=["reporter", "status", "-published_at"], name="article_reporter_list"),
        ]
        permissions = [("publish_article", "기사를 발행할 수 있음")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if self.photo and self.photo_renditions.get("source") != self.photo.name:
            # Save first so an uploaded file has its final name before renditions are made.
            super().save(*args, **kwargs)
            self.photo_renditions = {"source": self.photo.name, **make_renditions(self.photo)}
            kwargs = {"using": kwargs.get("using"), "update_fields": ["photo_renditions"]}
        elif not self.photo and self.photo_renditions:
            self.photo_renditions = {}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.pk])

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "대표 사진의 대체 텍스트를 입력하세요."})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def was_updated(self):
        """Edited after publication (more than a minute later), so the page shows 수정일."""
        return (self.updated_at - self.published_at).total_seconds() > 60

    @property
    def byline_name(self):
        return self.byline or f"{self.reporter.display_name} 기자"

    @property
    def video_embed_url(self):
        video = youtube_id(self.video_url)
        return f"https://www.youtube-nocookie.com/embed/{video}" if video else ""

    def rendition(self, name):
        """(url, width, height) of a photo rendition, or None without a photo."""
        entry = self.photo_renditions.get(name)
        if not entry:
            return None
        path, width, height = entry
        return self.photo.storage.url(path), width, height
