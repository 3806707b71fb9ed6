from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower

WITHDRAWN_NAME = "탈퇴한 회원"


class User(AbstractUser):
    """A member, reporter or editor. Staff status and groups decide the newsroom role."""

    nickname = models.CharField("닉네임", max_length=12, unique=True, null=True, blank=True)
    withdrawn_at = models.DateTimeField("탈퇴일", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "회원"
        verbose_name_plural = "회원"
        constraints = [
            # Staff made in the admin and withdrawn members have no email; everyone else has their own.
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="accounts_user_email_unique"),
        ]

    def __str__(self):
        return self.display_name

    def get_full_name(self):
        """Korean order: family name first, no space (김파주)."""
        return f"{self.last_name}{self.first_name}".strip()

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def display_name(self):
        """The name shown to readers: full name for reporters, else nickname, else ID."""
        if self.is_withdrawn:
            return WITHDRAWN_NAME
        return self.get_full_name() or self.nickname or self.username


class Consent(models.Model):
    """One agreement a member gave at signup or later, with the document version they saw."""

    class Kind(models.TextChoices):
        TERMS = "terms", "회원가입약관"
        PRIVACY = "privacy", "개인정보 수집 및 이용"
        MARKETING = "marketing", "마케팅 정보 수신"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents", verbose_name="회원")
    kind = models.CharField("동의 항목", max_length=10, choices=Kind.choices)
    document = models.ForeignKey(
        "pages.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name="문서",
    )
    # Copied from the document so the record stays true even if the document row is later renamed.
    version = models.CharField("문서 버전", max_length=20, blank=True)
    agreed_at = models.DateTimeField("동의 일시", auto_now_add=True)
    withdrawn_at = models.DateTimeField("철회 일시", null=True, blank=True)

    class Meta:
        ordering = ["agreed_at", "id"]
        verbose_name = "동의 기록"
        verbose_name_plural = "동의 기록"

    def __str__(self):
        return f"{self.get_kind_display()} {self.version}".strip()

    @property
    def is_active(self):
        return self.withdrawn_at is None
