from __future__ import annotations

import datetime
import html
import operator
import re
from collections.abc import Callable
from functools import reduce
from typing import TYPE_CHECKING, ClassVar, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django_ckeditor_5.fields import CKEditor5Field

from lib.cache import Cached
from lib.images import RenditionsMixin, RewrittenImageField, validate_image
from lib.sanitize import sanitize_html
from lib.urls import cached_reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

READING_CHARS_PER_MINUTE = 500

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
    """A top menu entry (퍼스트뉴스, 시정, 인터뷰, 우리동네업소소개).

    A group of articles is served here; another kind of group is served by the feature app that
    registers its pages in `kind_urls` (kind -> (group URL, section URL) functions) when it loads,
    so the core reverses none of a feature's URL names.
    """

    class Kind(models.TextChoices):
        ARTICLES = "articles", "기사"
        DIRECTORY = "directory", "업소 소개"

    name = models.CharField("이름", max_length=30)
    slug = models.SlugField("주소 이름", unique=True)
    kind = models.CharField("종류", max_length=10, choices=Kind.choices, default=Kind.ARTICLES)
    order = models.PositiveSmallIntegerField("순서", default=0)

    kind_urls: ClassVar[dict[str, tuple[Callable[[Group], str], Callable[[Section], str]]]] = {}
    # On the groups of the cached menu (MENU): their sections, in order.
    menu_sections: list[Section]

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "기사 묶음"
        verbose_name_plural = "기사 묶음"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        if self.kind in self.kind_urls:
            return self.kind_urls[self.kind][0](self)
        return cached_reverse("articles:group", self.slug)


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

    def get_absolute_url(self):
        if self.group.kind in Group.kind_urls:
            return Group.kind_urls[self.group.kind][1](self)
        return cached_reverse("articles:section", self.group.slug, self.slug)


# A LIMIT that only keeps the tag page's subquery of links a subquery (no tag has this many articles).
TAG_LINKS_CAP = 10_000_000


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self, now: datetime.datetime | None = None) -> Self:
        """What readers may see: published and due at now (default: this moment). Every public entry point starts here."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def for_list(self) -> Self:
        """The columns a list or widget shows, with section, group and reporter in one query."""
        return self.select_related("section__group", "reporter").defer("body")

    def with_ids_in(self, *id_lists: models.QuerySet[Article, int]) -> Self:
        """The rows whose id is in any of `id_lists` (id querysets, each ordered and sliced), in one query.

        On PostgreSQL the lists are one UNION, each part a short walk of its own index; SQLite (the
        demo) cannot order or limit the parts of a UNION, so there they are an OR of subqueries.
        """
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            first, *others = id_lists
            return self.filter(pk__in=first.union(*others, all=True) if others else first)
        return self.filter(reduce(operator.or_, (models.Q(pk__in=ids) for ids in id_lists)))

    def newest_per_section(self, sections: list[int], size: int, *also: models.QuerySet[Article, int]) -> Self:
        """The `size` newest articles of each of `sections`, with the rows of the id lists `also` (each
        ordered and sliced, e.g. the newest with a photo), in one query bounded by what it reads.

        On PostgreSQL a few-row walk of article_section_list per section, whatever the archive's size;
        SQLite (the demo) cannot limit the parts of a UNION and ranks all rows.
        """
        order = (models.F("published_at").desc(), models.F("id").desc())
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            parts = [self.filter(section_id=pk).order_by(*order).values_list("pk", flat=True)[:size] for pk in sections]
        else:
            ranked = self.annotate(rank=models.Window(RowNumber(), partition_by=models.F("section"), order_by=order))
            parts = [ranked.filter(rank__lte=size, section__in=sections).values_list("pk", flat=True)]
        return self.with_ids_in(*parts, *also) if parts or also else self.none()

    def ids_by_reporter(self, user: User, limit: int) -> models.QuerySet[Article, tuple[int, datetime.datetime]]:
        """(id, published_at) of up to `limit` newest articles under a reporter's name, newest first.

        A UNION of their own articles (walking article_reporter_list) and their shared bylines,
        so neither side is an OR that turns the index walk into a scan of the table.
        """
        order = ("-published_at", "-id")
        own = self.filter(reporter=user).values_list("pk", "published_at")
        shared = self.filter(bylines__reporter=user).values_list("pk", "published_at")
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            own, shared = own.order_by(*order)[:limit], shared.order_by(*order)[:limit]
        else:  # SQLite (the demo): the parts of a UNION take neither order nor limit
            own, shared = own.order_by(), shared.order_by()
        return own.union(shared).order_by(*order)

    def ids_by_tag(self, tag: Tag, limit: int) -> models.QuerySet[Article, tuple[int, datetime.datetime]]:
        """(id, published_at) of up to `limit` newest articles with a tag, newest first.

        The tag's links come first (their tag_id index; a LIMIT keeps PostgreSQL from folding them
        into a join it would answer by walking every article in date order, probing each for the
        tag), then those articles by primary key, sorted: bounded by the tag, not the archive.
        """
        links = Article.tags.through.objects.filter(tag=tag).values("article_id")[:TAG_LINKS_CAP]
        return self.filter(pk__in=links).values_list("pk", "published_at").order_by("-published_at", "-id")[:limit]

    def by_reporter(self, user: User) -> Self:
        """Articles under a reporter's name: as the primary reporter or on a shared byline."""
        return self.filter(
            models.Q(reporter=user) | models.Q(pk__in=Byline.objects.filter(reporter=user).values("article"))
        )

    def visible_to(self, user: User | AnonymousUser) -> Self:
        """Readers see published articles; the desk previews any article, a reporter their own."""
        if not (user.is_active and user.is_staff):
            return self.published()
        if user.has_perm("articles.publish_article"):
            return self
        return self.filter(
            models.Q(pk__in=self.published().values("pk")) | models.Q(pk__in=self.by_reporter(user).values("pk"))
        )


class Tag(models.Model):
    name = models.CharField("이름", max_length=40, unique=True)
    slug = models.SlugField("주소 이름", max_length=60, unique=True, allow_unicode=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "태그"
        verbose_name_plural = "태그"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Korean tag names make readable Korean addresses (/tag/운정신도시/).
        self.slug = self.slug or slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("articles:tag", self.slug)


class Article(RenditionsMixin, models.Model):
    rendition_source = "photo"
    rendition_store = "photo_renditions"

    class Status(models.TextChoices):
        DRAFT = "draft", "작성 중"
        REVIEW = "review", "검토 요청"
        PUBLISHED = "published", "발행"

    class Origin(models.TextChoices):
        OWN = "own", "자체기사"
        PRESS_RELEASE = "press", "보도자료"
        CONTRIBUTION = "contrib", "기고"
        EXTERNAL = "external", "외부"

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles", verbose_name="섹션")
    title = models.CharField("제목", max_length=200)
    subtitle = models.CharField("부제목", max_length=200, blank=True)
    summary = models.TextField(
        "요약", max_length=400, blank=True, help_text="목록과 검색 결과, 공유 미리보기에 쓰입니다."
    )
    body = CKEditor5Field("본문", config_name="article", blank=True)
    photo = RewrittenImageField("대표 사진", upload_to="articles/%Y/%m/", blank=True, validators=[validate_image])
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
    origin = models.CharField(
        "출처 구분",
        max_length=10,
        choices=Origin.choices,
        default=Origin.OWN,
        help_text="포털 제휴 심사의 자체기사 비율(30% 이상)에 들어갑니다.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name="태그")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "발행 시각",
        default=timezone.now,
        help_text="한국 시간(KST). 미래 시각으로 발행하면 그 시각에 저절로 공개됩니다(예약).",
    )
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
            # Lists across sections (a group's page, the newest on the home page) walk this one in date
            # order; the section rides along so a group's filter is checked without reading the table.
            models.Index(fields=["status", "-published_at", "-id"], include=["section"], name="article_list"),
            models.Index(fields=["reporter", "status", "-published_at", "-id"], name="article_reporter_list"),
            # The admin's list (every status, newest first) and the sitemap's latest change.
            models.Index(fields=["-published_at", "-id"], name="article_admin_list"),
            models.Index(fields=["status", "-updated_at"], name="article_updated"),
            # The home page's videos: few articles have one, so a walk of article_list could read them all.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(status="published") & ~models.Q(video_url=""),
                name="article_video_list",
            ),
        ]
        permissions = [("publish_article", "기사를 발행할 수 있음")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sanitize_body()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("articles:detail", self.pk)

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "대표 사진의 대체 텍스트를 입력하세요."})

    def sanitize_body(self):
        """The body through the allow-list (lib.sanitize): on every save, and for the admin's 미리보기."""
        self.body = sanitize_html(self.body)

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

    def credits_with(self, bylines: list[Byline]) -> list[tuple[User, str]]:
        """(reporter, label) for everyone on the byline, the primary reporter first: these bylines (the saved
        ones, or the admin's unsaved rows for 미리보기)."""
        own = next((byline for byline in bylines if byline.reporter_id == self.reporter_id), None)
        first = self.byline or (own.label if own else f"{self.reporter.display_name} 기자")
        return [(self.reporter, first)] + [
            (byline.reporter, byline.label) for byline in bylines if byline.reporter_id != self.reporter_id
        ]

    @property
    def text_length(self):
        """Characters of body text without spaces, the measure Korean newsrooms count (글자 수)."""
        return len(re.sub(r"\s+", "", strip_tags(html.unescape(self.body))))

    @property
    def word_count(self):
        return len(strip_tags(html.unescape(self.body)).split())

    @property
    def reading_minutes(self):
        """Minutes to read at about 500 Korean characters a minute, at least one."""
        return max(1, round(self.text_length / READING_CHARS_PER_MINUTE))

    @property
    def video_embed_url(self):
        video = youtube_id(self.video_url)
        return f"https://www.youtube-nocookie.com/embed/{video}" if video else ""


class Byline(models.Model):
    """A reporter named on an article besides (or with a role for) the primary reporter."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines", verbose_name="기사")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bylines", verbose_name="기자"
    )
    role = models.CharField("역할", max_length=30, blank=True, help_text="예: 글·사진, 사진, 정리")
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "함께 쓴 기자"
        verbose_name_plural = "함께 쓴 기자"
        constraints = [models.UniqueConstraint(fields=["article", "reporter"], name="byline_unique_reporter")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        name = f"{self.reporter.display_name} 기자"
        return f"{name}({self.role})" if self.role else name


class ReporterProfile(models.Model):
    """What the reporter page shows about a reporter besides the account's name and email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reporter_profile", verbose_name="기자"
    )
    title = models.CharField("직함", max_length=30, blank=True, help_text="예: 취재부장, 사진기자")
    photo = RewrittenImageField("사진", upload_to="reporters/", blank=True, validators=[validate_image])
    photo_alt = models.CharField("사진 대체 텍스트", max_length=200, blank=True)
    bio = models.TextField("소개", max_length=500, blank=True)
    public_email = models.EmailField("공개 이메일", blank=True, help_text="비우면 계정 이메일을 보여 줍니다.")

    class Meta:
        verbose_name = "기자 소개"
        verbose_name_plural = "기자 소개"

    def __str__(self):
        return self.user.display_name

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "사진의 대체 텍스트를 입력하세요."})

    @property
    def email(self):
        return self.public_email or self.user.email


class ReviewStep(models.Model):
    """One step of the desk review: who did what to an article, when, with what note."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "검토 요청"
        RETURNED = "returned", "반려"
        SCHEDULED = "scheduled", "예약 발행"
        PUBLISHED = "published", "발행"
        UNPUBLISHED = "unpublished", "발행 취소"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="review_steps", verbose_name="기사")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="처리한 사람"
    )
    action = models.CharField("처리", max_length=12, choices=Action.choices)
    note = models.TextField("메모", blank=True)
    created_at = models.DateTimeField("시각", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "검토 기록"
        verbose_name_plural = "검토 기록"

    def __str__(self):
        return f"{self.get_action_display()} - {self.article}"


REVISION_FIELDS = (
    "title",
    "subtitle",
    "summary",
    "body",
    "section_id",
    "photo",
    "photo_alt",
    "photo_caption",
    "photo_credit",
)


class Revision(models.Model):
    """A snapshot of an article's text, section, photo, tags and bylines as one save left them."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions", verbose_name="기사")
    number = models.PositiveIntegerField("판")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="저장한 사람"
    )
    created_at = models.DateTimeField("저장 시각", default=timezone.now)
    note = models.CharField("메모", max_length=100, blank=True)
    data = models.JSONField("내용")

    class Meta:
        ordering = ["-number"]
        verbose_name = "기사 판"
        verbose_name_plural = "기사 판"
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_unique_number")]

    def __str__(self):
        return f"{self.article} #{self.number}"

    @staticmethod
    def snapshot(article):
        """The tracked fields, the tag names and the bylines (reporter, role, order and the label shown)."""
        data = {name: getattr(article, name) for name in REVISION_FIELDS}
        data["photo"] = article.photo.name or ""
        data["tags"] = sorted(article.tags.values_list("name", flat=True)) if article.pk else []
        data["bylines"] = (
            [
                {"reporter": byline.reporter_id, "role": byline.role, "order": byline.order, "label": byline.label}
                for byline in article.bylines.select_related("reporter").order_by("order", "id")
            ]
            if article.pk
            else []
        )
        return data


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "정정"
        UPDATE = "update", "수정"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections", verbose_name="기사")
    kind = models.CharField("종류", max_length=10, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField("내용", max_length=1000)
    created_at = models.DateTimeField("시각", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "정정·수정 알림"
        verbose_name_plural = "정정·수정 알림"

    def __str__(self):
        return f"[{self.get_kind_display()}] {self.article}"


class FrontPagePin(models.Model):
    """An editor's choice for the home page; the newest articles fill whatever is not pinned."""

    class Slot(models.TextChoices):
        TOP = "top", "머리기사"
        HEADLINE = "headline", "주요 기사"
        GROUP = "group", "묶음별 추천"

    slot = models.CharField("자리", max_length=10, choices=Slot.choices)
    group = models.ForeignKey(
        Group,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="묶음",
        help_text="'묶음별 추천'일 때만 고릅니다.",
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="pins", verbose_name="기사")
    order = models.PositiveSmallIntegerField("순서", default=0)

    class Meta:
        ordering = ["slot", "order", "id"]
        verbose_name = "첫 화면 배치"
        verbose_name_plural = "첫 화면 배치"

    def __str__(self):
        return f"{self.get_slot_display()}: {self.article}"

    def clean(self):
        if self.slot == self.Slot.GROUP and self.group_id is None:
            raise ValidationError({"group": "묶음별 추천은 묶음을 골라야 합니다."})
        if self.slot == self.Slot.GROUP and self.article_id and self.article.section.group_id != self.group_id:
            raise ValidationError({"article": "고른 묶음에 속한 기사를 골라 주세요."})
        if self.slot != self.Slot.GROUP:
            self.group = None
        if self.article_id:
            other = FrontPagePin.objects.filter(article_id=self.article_id).exclude(pk=self.pk).first()
            if other is not None:
                raise ValidationError(
                    {
                        "article": f"이 기사는 이미 '{other.get_slot_display()}' 자리에 배치되어 있습니다. 한 기사는 한 자리에만 둡니다."
                    }
                )


class BreakingNewsQuerySet(models.QuerySet["BreakingNews"]):
    def live(self) -> Self:
        now = timezone.now()
        return self.filter(is_active=True, starts_at__lte=now, expires_at__gt=now)


class BreakingNews(models.Model):
    text = models.CharField("속보 문구", max_length=120)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="연결 기사"
    )
    starts_at = models.DateTimeField("시작 시각", default=timezone.now, help_text="한국 시간(KST)")
    expires_at = models.DateTimeField("끝나는 시각", help_text="한국 시간(KST). 이 시각이 지나면 저절로 내려갑니다.")
    is_active = models.BooleanField("게시", default=True)

    objects = BreakingNewsQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = "속보"
        verbose_name_plural = "속보"

    def __str__(self):
        return self.text

    def clean(self):
        if self.expires_at and self.starts_at and self.expires_at <= self.starts_at:
            raise ValidationError({"expires_at": "끝나는 시각은 시작 시각보다 뒤여야 합니다."})


def _menu() -> list[Group]:
    """The groups in menu order, each with its sections in order as `group.menu_sections`, in one query.

    Read from the sections: a group is in the menu once it has one (before, it has nothing to list).
    """
    groups: dict[int, Group] = {}
    for section in Section.objects.select_related("group").order_by("group__order", "group_id", "order", "id"):
        group = groups.get(section.group_id)
        if group is None:
            group = groups[section.group_id] = section.group
            group.menu_sections = []
        group.menu_sections.append(section)
        section.group = group
    return list(groups.values())


def _breaking_items():
    """Active, unexpired items (including ones not started yet); start and expiry are checked when shown."""
    return list(
        BreakingNews.objects.filter(is_active=True, expires_at__gt=timezone.now())
        .select_related("article")
        .only("text", "starts_at", "expires_at", "article__id", "article__status", "article__published_at")
    )


# The menu of groups and their sections, and the 속보 items: cached until an editor changes one.
MENU = Cached("articles:menu", 3600, _menu)
MENU.clear_on(Group, Section)


def menu_group(slug: str) -> Group | None:
    """The article group with this slug, from the cached menu (no query on a warm cache)."""
    return next((group for group in MENU.get() if group.slug == slug and group.kind == Group.Kind.ARTICLES), None)


def menu_section(group_slug: str, slug: str) -> Section | None:
    """The section of an article group by their slugs, from the cached menu, its `group` set."""
    group = menu_group(group_slug)
    if group is None:
        return None
    return next((section for section in group.menu_sections if section.slug == slug), None)


def article_section_ids() -> list[int]:
    """The sections of article groups, from the cached menu."""
    return [section.pk for group in MENU.get() if group.kind == Group.Kind.ARTICLES for section in group.menu_sections]


BREAKING = Cached("articles:breaking", 300, _breaking_items)
BREAKING.clear_on(BreakingNews)

SIDEBAR_PHOTOS = 6
SIDEBAR_LATEST = 8


def _sidebar_lists():
    """포토뉴스 (the newest published articles with a photo, on the home page and in the sidebar), per
    article group its newest published titles ({group id: [articles]}, newest first), and the time of the
    next scheduled article (which changes both), in one query.

    A group's newest are among its sections' newest, and the newest with a photo among themselves, so
    both lists come out of the rows of those few ids, read through the list indexes; the scheduled time
    rides on every row (one index probe, made once).
    """
    now = timezone.now()
    published = Article.objects.published(now)
    photo_ids = published.exclude(photo="").order_by("-published_at", "-id").values_list("pk", flat=True)
    scheduled = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)[:1]
    )
    rows = list(
        published.newest_per_section(article_section_ids(), SIDEBAR_LATEST + 1, photo_ids[:SIDEBAR_PHOTOS])
        .annotate(next_scheduled=models.Subquery(scheduled))
        .select_related("section")
        .only(
            "id",
            "title",
            "published_at",
            "photo",
            "photo_alt",
            "photo_renditions",
            "section__name",
            "section__group_id",
        )
        .order_by("-published_at", "-id")
    )
    photos: list[Article] = []
    latest: dict[int, list[Article]] = {}
    for article in rows:
        if article.photo and len(photos) < SIDEBAR_PHOTOS:
            photos.append(article)
        group_articles = latest.setdefault(article.section.group_id, [])
        if len(group_articles) <= SIDEBAR_LATEST:
            group_articles.append(article)
    next_scheduled = rows[0].next_scheduled if rows else scheduled.first()  # (nothing published yet)
    return {"photos": photos, "latest": latest, "next_scheduled": next_scheduled}


# Sidebar blocks: cached for everyone; a saved article clears them, and so does the next scheduled
# article's time coming (next_scheduled_change, asked by lib.pagecache on the first request after it).
SIDEBAR_LISTS = Cached("articles:sidebar", 120, _sidebar_lists)
SIDEBAR_LISTS.clear_on(Article, Section, Group)


def next_scheduled_change(now: datetime.datetime) -> datetime.datetime | None:
    """The next moment public pages change with the clock alone: a scheduled article's time, or a 속보
    item starting or ending (lib.pagecache caps cached lifetimes by it). No query of its own: the
    article's time comes with the sidebar lists, the 속보 items from their cached list (the one the 속보
    bar reads)."""
    lists = SIDEBAR_LISTS.get()
    if lists["next_scheduled"] is not None and lists["next_scheduled"] <= now:
        SIDEBAR_LISTS.clear()  # read before that article's time: without it
        lists = SIDEBAR_LISTS.get()
    breaking = [moment for item in BREAKING.get() for moment in (item.starts_at, item.expires_at) if moment > now]
    found = [moment for moment in (lists["next_scheduled"], *breaking) if moment is not None]
    return min(found) if found else None
