from django.core.cache import cache
from django.db import models

CACHE_KEY = "pages:site-settings"


class SiteSettings(models.Model):
    """The paper's masthead and legal information (신문법 §21), edited in the admin."""

    name = models.CharField("제호", max_length=50, default="퍼스트신문")
    tagline = models.CharField("슬로건", max_length=100, default="미래가치를 추구하는")
    publisher = models.CharField("발행인", max_length=30, blank=True)
    editor = models.CharField("편집인", max_length=30, blank=True)
    youth_officer = models.CharField("청소년보호책임자", max_length=30, blank=True)
    phone = models.CharField("전화", max_length=30, blank=True)
    fax = models.CharField("팩스", max_length=30, blank=True)
    email = models.EmailField("대표 이메일", blank=True)
    address = models.CharField("발행소 주소", max_length=200, blank=True)
    business_number = models.CharField("사업자등록번호", max_length=30, blank=True)
    registration_number = models.CharField("신문사업등록번호", max_length=30, blank=True)
    registered_on = models.DateField("등록일", null=True, blank=True)
    first_published_on = models.DateField("발행일", null=True, blank=True)
    copyright_start_year = models.PositiveSmallIntegerField("저작권 시작 연도", default=2020)

    class Meta:
        verbose_name = "사이트 정보"
        verbose_name_plural = "사이트 정보"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    @classmethod
    def load(cls):
        """The one settings row, cached; created with defaults on a fresh database."""
        settings = cache.get(CACHE_KEY)
        if settings is None:
            settings, _ = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, settings, 300)
        return settings
