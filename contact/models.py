import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from lib.cache import CachedSingleton
from lib.sanitize import sanitize_html

from .storage import get_private_storage


class AdGuide(CachedSingleton):
    """The 광고안내 page: products, sizes, prices and whom to call, edited in the admin."""

    title = models.CharField("제목", max_length=100, default="광고안내")
    intro = models.TextField("소개 문구", max_length=1000, blank=True)
    body = CKEditor5Field("광고 상품·규격·단가", config_name="article", blank=True)
    contact = models.CharField("광고 문의처", max_length=200, blank=True, help_text="예: 광고사업부 031-000-0000")
    updated_at = models.DateTimeField("수정일", auto_now=True)

    class Meta:
        verbose_name = "광고안내"
        verbose_name_plural = "광고안내"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("contact:ad_guide")


class ReferenceSequence(models.Model):
    """One counter per kind and KST day, so references read T-20261128-0001, -0002, …"""

    prefix = models.CharField(max_length=1)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "day"], name="contact_reference_sequence_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.day:%Y%m%d}: {self.last}"

    @classmethod
    def next_reference(cls, prefix, day):
        """Take the next number; the UPDATE locks the row, so two submissions never share one."""
        with transaction.atomic():
            if not cls.objects.filter(prefix=prefix, day=day).update(last=F("last") + 1):
                try:
                    with transaction.atomic():
                        cls.objects.create(prefix=prefix, day=day, last=1)
                except IntegrityError:  # someone created today's row a moment ago
                    cls.objects.filter(prefix=prefix, day=day).update(last=F("last") + 1)
            number = cls.objects.get(prefix=prefix, day=day).last
        return f"{prefix}-{day:%Y%m%d}-{number:04d}"


def attachment_path(instance, filename):
    """A random name with the extension of the detected type; the sender's name is kept apart."""
    folder = instance.upload_folder
    today = timezone.localdate()
    return f"{folder}/{today:%Y/%m}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Submission(models.Model):
    """What tips and ad requests share: a reference, consent, an inbox status and internal notes."""

    reference = models.CharField("접수번호", max_length=20, unique=True, editable=False)
    consented_at = models.DateTimeField("개인정보 수집·이용 동의 일시", editable=False)
    note = models.TextField("내부 메모", blank=True, help_text="편집국 안에서만 보입니다.")
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="처리한 사람",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("접수일시", default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField("처리일시", auto_now=True)

    # Which status may follow which; the admin offers only these moves.
    FLOW: dict = {}

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.reference

    def next_statuses(self):
        return self.FLOW.get(self.status, ())


class Tip(Submission):
    class Status(models.TextChoices):
        RECEIVED = "received", "접수"
        REVIEWING = "reviewing", "검토중"
        ADOPTED = "adopted", "채택"
        ON_HOLD = "on_hold", "보류"

    FLOW = {
        Status.RECEIVED: (Status.REVIEWING, Status.ON_HOLD),
        Status.REVIEWING: (Status.ADOPTED, Status.ON_HOLD),
        Status.ADOPTED: (Status.REVIEWING,),
        Status.ON_HOLD: (Status.REVIEWING,),
    }
    PREFIX = "T"

    name = models.CharField("이름", max_length=30, blank=True)
    phone = models.CharField("연락처", max_length=20, blank=True)
    email = models.EmailField("이메일", max_length=100, blank=True)
    title = models.CharField("제목", max_length=120)
    content = models.TextField("내용", max_length=5000)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True)

    class Meta(Submission.Meta):
        verbose_name = "기사제보"
        verbose_name_plural = "기사제보"


class AdRequest(Submission):
    class Status(models.TextChoices):
        RECEIVED = "received", "접수"
        REVIEWING = "reviewing", "검토중"
        CONTRACTED = "contracted", "계약"
        REJECTED = "rejected", "반려"

    class Kind(models.TextChoices):
        BANNER = "banner", "배너 광고"
        ADVERTORIAL = "advertorial", "기사형 광고(애드버토리얼)"
        DIRECTORY = "directory", "우리동네업소소개 등록"
        PRINT = "print", "지면 광고"

    FLOW = {
        Status.RECEIVED: (Status.REVIEWING, Status.REJECTED),
        Status.REVIEWING: (Status.CONTRACTED, Status.REJECTED),
        Status.CONTRACTED: (Status.REVIEWING,),
        Status.REJECTED: (Status.REVIEWING,),
    }
    PREFIX = "A"

    company = models.CharField("회사·상호", max_length=100)
    contact_person = models.CharField("담당자", max_length=30)
    phone = models.CharField("전화번호", max_length=20)
    email = models.EmailField("이메일", max_length=100)
    kind = models.CharField("광고 종류", max_length=12, choices=Kind.choices)
    period = models.CharField("희망 기간", max_length=100, blank=True)
    budget = models.CharField("예산", max_length=50, blank=True)
    message = models.TextField("문의 내용", max_length=3000)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True)

    class Meta(Submission.Meta):
        verbose_name = "광고신청"
        verbose_name_plural = "광고신청"


class Attachment(models.Model):
    """A file sent with a tip or an ad request, checked by content, kept out of public reach."""

    class Kind(models.TextChoices):
        JPEG = "image/jpeg", "JPEG"
        PNG = "image/png", "PNG"
        GIF = "image/gif", "GIF"
        WEBP = "image/webp", "WebP"
        PDF = "application/pdf", "PDF"
        HWP = "application/x-hwp", "한글(HWP)"
        HWPX = "application/hwp+zip", "한글(HWPX)"
        DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "워드(DOCX)"
        XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "엑셀(XLSX)"
        PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation", "파워포인트(PPTX)"

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments")
    ad_request = models.ForeignKey(
        AdRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField("파일", upload_to=attachment_path, storage=get_private_storage, max_length=200)
    original_name = models.CharField("원래 파일 이름", max_length=120)
    content_type = models.CharField("형식", max_length=100, choices=Kind.choices)
    size = models.PositiveIntegerField("크기(바이트)")

    class Meta:
        verbose_name = "첨부파일"
        verbose_name_plural = "첨부파일"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tip__isnull=False, ad_request__isnull=True)
                | models.Q(tip__isnull=True, ad_request__isnull=False),
                name="contact_attachment_has_one_owner",
            )
        ]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("contact:attachment", args=[self.pk])

    @property
    def upload_folder(self):
        return "tips" if self.tip_id else "ads"

    EXTENSIONS = {
        Kind.JPEG: "jpg",
        Kind.PNG: "png",
        Kind.GIF: "gif",
        Kind.WEBP: "webp",
        Kind.PDF: "pdf",
        Kind.HWP: "hwp",
        Kind.HWPX: "hwpx",
        Kind.DOCX: "docx",
        Kind.XLSX: "xlsx",
        Kind.PPTX: "pptx",
    }

    @property
    def download_name(self):
        """`<safe stem>.<checked extension>`: the sender's name minus every extension it claimed (so
        "photo.jpg.html" is saved as "photo_jpg.jpg" when it is a JPEG), letters, digits, - and _ only."""
        stem = re.sub(r"[^\w-]+", "_", PurePath(self.original_name).stem).strip("_")[:60] or "첨부파일"
        return f"{stem}.{self.EXTENSIONS[self.content_type]}"
