from __future__ import annotations

from typing import Self

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from lib.cache import CachedSingleton
from lib.sanitize import sanitize_html


class SiteSettings(CachedSingleton):
    """The paper's masthead and legal information (신문법 §21), edited in the admin."""

    name = models.CharField("제호", max_length=50, default="퍼스트신문")
    tagline = models.CharField("슬로건", max_length=100, default="미래가치를 추구하는")
    publisher = models.CharField("발행인", max_length=30, blank=True)
    editor = models.CharField("편집인", max_length=30, blank=True)
    youth_officer = models.CharField("청소년보호책임자", max_length=30, blank=True)
    privacy_officer = models.CharField("개인정보 보호책임자", max_length=30, blank=True)
    privacy_contact = models.CharField(
        "개인정보 보호책임자 연락처",
        max_length=100,
        blank=True,
        help_text="전화번호나 이메일 (개인정보처리방침에 표시)",
    )
    naver_site_verification = models.CharField(
        "네이버 사이트 확인 코드",
        max_length=100,
        blank=True,
        help_text="네이버 서치어드바이저가 준 코드 (meta 태그의 content 값)",
    )
    google_site_verification = models.CharField(
        "구글 사이트 확인 코드",
        max_length=100,
        blank=True,
        help_text="Google Search Console이 준 코드 (meta 태그의 content 값)",
    )
    phone = models.CharField("전화", max_length=30, blank=True)
    fax = models.CharField("팩스", max_length=30, blank=True)
    email = models.EmailField("대표 이메일", blank=True)
    address = models.CharField("발행소 주소", max_length=200, blank=True)
    business_number = models.CharField("사업자등록번호", max_length=30, blank=True)
    registration_number = models.CharField("신문사업등록번호", max_length=30, blank=True)
    registered_on = models.DateField("등록일", null=True, blank=True)
    first_published_on = models.DateField("발행일", null=True, blank=True)
    copyright_start_year = models.PositiveSmallIntegerField("저작권 시작 연도", default=2020)
    article_copyright = models.CharField(
        "기사 저작권 문구",
        max_length=120,
        default="저작권자 © 퍼스트신문 무단전재 및 재배포 금지",
        help_text="기사 본문 끝, 기자 이름과 이메일 아래에 나옵니다.",
    )

    class Meta:
        verbose_name = "사이트 정보"
        verbose_name_plural = "사이트 정보"

    def __str__(self):
        return self.name


class DocumentQuerySet(models.QuerySet["Document"]):
    def in_force(self) -> Self:
        """Versions whose effective date has come (a version announced for later stays private)."""
        return self.filter(effective_on__lte=timezone.localdate())

    def current(self, kind: str) -> Document | None:
        """The version of one document in force today, or None."""
        return self.in_force().filter(kind=kind).order_by("-effective_on", "-id").first()


class Document(models.Model):
    """A site page with versions: the terms, the privacy policy and the other footer pages.

    Members agree to a version of the terms and of the privacy policy; a version someone agreed
    to is never rewritten (the admin makes it read-only), a change is a new version.
    """

    class Kind(models.TextChoices):
        ABOUT = "about", "회사소개"
        TERMS = "terms", "회원가입약관"
        PRIVACY = "privacy", "개인정보처리방침"
        YOUTH = "youth-policy", "청소년보호정책"
        NO_EMAIL_COLLECTION = "email-policy", "이메일주소 무단수집거부"

    kind = models.CharField("문서", max_length=20, choices=Kind.choices)
    version = models.CharField(
        "버전",
        max_length=20,
        validators=[
            RegexValidator(r"^[0-9A-Za-z][0-9A-Za-z.\-]*$", "버전은 숫자, 영문, 점(.), 하이픈(-)으로 적으세요.")
        ],
        help_text="예: 1.0, 1.1, 2.0",
    )
    effective_on = models.DateField(
        "시행일", help_text="이 날짜부터 사이트에 보이고, 가입 동의는 이 버전으로 기록됩니다."
    )
    body = CKEditor5Field("본문", config_name="article")
    updated_at = models.DateTimeField("수정일", auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-effective_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="pages_document_kind_version")]
        verbose_name = "약관·안내 문서"
        verbose_name_plural = "약관·안내 문서"

    def __str__(self):
        return f"{self.get_kind_display()} {self.version}"

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:document_version", args=[self.kind, self.version])

    @property
    def title(self):
        return self.get_kind_display()
