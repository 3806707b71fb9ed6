"""Storing a tip or an ad request with its files and reference, then telling people about it."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import File
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AdRequest, Attachment, ReferenceSequence, Tip

logger = logging.getLogger(__name__)

NEWSROOM_GROUP = "데스크"


def _store(model, *, fields, files, owner_field, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        submission = model(**fields, consented_at=now, created_at=now)
        submission.reference = ReferenceSequence.next_reference(model.PREFIX, timezone.localdate(now))
        submission.save()
        for upload, content_type, extension in files:
            attachment = Attachment(
                **{owner_field: submission},
                original_name=upload.name[-120:],
                content_type=content_type,
                size=upload.size,
            )
            upload.seek(0)
            attachment.file.save(f"upload{extension}", File(upload), save=False)
            attachment.save()
    return submission


def tip_create(*, fields, files=()):
    tip = _store(Tip, fields=fields, files=files, owner_field="tip")
    _notify(tip, kind="tip", requester_email=tip.email)
    return tip


def ad_request_create(*, fields, files=()):
    ad_request = _store(AdRequest, fields=fields, files=files, owner_field="ad_request")
    _notify(ad_request, kind="ad", requester_email=ad_request.email)
    return ad_request


def newsroom_emails():
    if settings.NEWSROOM_EMAILS:
        return list(settings.NEWSROOM_EMAILS)
    users = get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=NEWSROOM_GROUP)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _notify(submission, *, kind, requester_email):
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
