from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A member, reporter or editor. Staff status and groups decide the newsroom role."""

    nickname = models.CharField("닉네임", max_length=12, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = "회원"
        verbose_name_plural = "회원"

    def __str__(self):
        return self.display_name

    def get_full_name(self):
        """Korean order: family name first, no space (김파주)."""
        return f"{self.last_name}{self.first_name}".strip()

    @property
    def display_name(self):
        """The name shown to readers: full name for reporters, else nickname, else ID."""
        return self.get_full_name() or self.nickname or self.username
