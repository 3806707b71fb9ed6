"""Storing a tip or an ad request with its files and reference, then telling people about it."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AdRequest, Attachment, ReferenceSequence, Submission, Tip
from .storage import private_storage

logger = logging.getLogger(__name__)

NEWSROOM_GROUP = "데스크"

# How long each kind is kept, as promised in the consent tables of the forms.
TIP_RETENTION = datetime.timedelta(days=365)
AD_RETENTION = datetime.timedelta(days=365)
AD_CONTRACT_RETENTION = datetime.timedelta(days=5 * 365)
PURGE_EVERY_SECONDS = 60 * 60
OWNER_FIELD: dict[type[Submission], str] = {Tip: "tip", AdRequest: "ad_request"}

S = TypeVar("S", Tip, AdRequest)
# An upload already checked by the form: the file, its content type and the extension to store it under.
CheckedFile = tuple[UploadedFile, str, str]


def _store(model: type[S], *, fields: dict[str, Any], files: Iterable[CheckedFile]) -> S:
    now = timezone.now()
    saved = []
    try:
        with transaction.atomic():
            submission = model(**fields, consented_at=now, created_at=now)
            submission.reference = ReferenceSequence.next_reference(model.PREFIX, timezone.localdate(now))
            submission.save()
            for upload, content_type, extension in files:
                attachment = Attachment(
                    **{OWNER_FIELD[model]: submission},
                    original_name=(upload.name or "")[-120:],  # the end keeps the extension
                    content_type=content_type,
                    size=upload.size or 0,
                )
                upload.seek(0)
                attachment.file.save(f"upload{extension}", File(upload), save=False)
                saved.append(attachment.file.name)
                attachment.save()
    except Exception:
        # The rows were rolled back; do not leave their files behind.
        for name in saved:
            private_storage.delete(name)
        raise
    return submission


def tip_create(*, fields: dict[str, Any], files: Iterable[CheckedFile] = ()) -> Tip:
    tip = _store(Tip, fields=fields, files=files)
    _notify(tip, kind="tip", requester_email=tip.email)
    _purge_now_and_then()
    return tip


def ad_request_create(*, fields: dict[str, Any], files: Iterable[CheckedFile] = ()) -> AdRequest:
    ad_request = _store(AdRequest, fields=fields, files=files)
    _notify(ad_request, kind="ad", requester_email=ad_request.email)
    _purge_now_and_then()
    return ad_request


def _delete_with_files(queryset: QuerySet[Tip] | QuerySet[AdRequest]) -> int:
    owner = OWNER_FIELD[queryset.model]
    names = list(Attachment.objects.filter(**{f"{owner}__in": queryset}).values_list("file", flat=True))
    with transaction.atomic():
        _, per_model = queryset.delete()
    for name in names:
        private_storage.delete(name)
    return per_model.get(queryset.model._meta.label, 0)


def submission_delete(*, submission: Tip | AdRequest) -> int:
    """Delete a tip or ad request and its files on disk, so no attachment outlives its row."""
    return _delete_with_files(type(submission).objects.filter(pk=submission.pk))


def submissions_purge(*, now: datetime.datetime | None = None) -> int:
    """Destroy what is past its retention; return how many tips and ad requests went."""
    now = now or timezone.now()
    tips = Tip.objects.filter(created_at__lt=now - TIP_RETENTION)
    ads = AdRequest.objects.filter(updated_at__lt=now - AD_RETENTION).exclude(status=AdRequest.Status.CONTRACTED)
    contracts = AdRequest.objects.filter(status=AdRequest.Status.CONTRACTED, updated_at__lt=now - AD_CONTRACT_RETENTION)
    return sum(_delete_with_files(queryset) for queryset in (tips, ads, contracts))


def _purge_now_and_then() -> None:
    # New submissions arrive every day, so they carry the purge: no cron job to forget.
    if cache.add("contact:purged-recently", True, PURGE_EVERY_SECONDS):
        submissions_purge()


def newsroom_emails() -> list[str]:
    if settings.NEWSROOM_EMAILS:
        return list(settings.NEWSROOM_EMAILS)
    users = get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=NEWSROOM_GROUP)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _notify(submission: Tip | AdRequest, *, kind: str, requester_email: str) -> None:
    """Mail the requester and the desk; the row is already committed, so a mail failure only gets logged."""
    opts = submission._meta
    context = {
        "submission": submission,
        "kind_label": opts.verbose_name,
        "admin_url": settings.SITE_URL
        + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[submission.pk]),
    }
    messages = []
    if requester_email:
        messages.append(
            (
                f"[퍼스트신문] {opts.verbose_name} 접수번호 {submission.reference}",
                render_to_string(f"contact/email/{kind}_requester.txt", context),
                [requester_email],
            )
        )
    recipients = newsroom_emails()
    if recipients:
        messages.append(
            (
                f"[{opts.verbose_name}] 새 접수 {submission.reference}",
                render_to_string(f"contact/email/{kind}_newsroom.txt", context),
                recipients,
            )
        )
    for subject, body, to in messages:
        try:
            send_mail(subject, body, None, to)
        except Exception:
            logger.exception("Could not send the mail about %s", submission.reference)
