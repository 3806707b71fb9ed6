"""Newsroom writes that span several models: the review log, notifications and revisions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from .models import Article, Byline, ReviewStep, Revision, Tag

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User


def desk_editors() -> QuerySet[User]:
    """Active staff who may publish, with an address to write to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(
                groups__permissions__codename="publish_article", groups__permissions__content_type__app_label="articles"
            )
            | Q(user_permissions__codename="publish_article")
        )
        .exclude(email="")
        .distinct()
    )


def article_reporters(article: Article) -> list[User]:
    """The primary reporter and everyone on the byline."""
    reporters = {article.reporter_id: article.reporter}
    for byline in article.bylines.select_related("reporter"):
        reporters.setdefault(byline.reporter_id, byline.reporter)
    return list(reporters.values())


def _notify(*, step: ReviewStep, recipients: Iterable[User]) -> None:
    addresses = sorted({user.email for user in recipients if user.email and user.pk != step.actor_id})
    if not addresses:
        return
    article = step.article
    actor = step.actor.display_name if step.actor else "편집국"
    when = timezone.localtime(step.created_at)
    lines = [
        f"{actor} 님이 기사를 '{step.get_action_display()}' 처리했습니다.",
        "",
        f"제목: {article.title}",
        f"시각: {when:%Y-%m-%d %H:%M} (한국 시간)",
    ]
    if step.action == ReviewStep.Action.SCHEDULED:
        lines.append(f"공개 예정: {timezone.localtime(article.published_at):%Y-%m-%d %H:%M} (한국 시간)")
    if step.note:
        lines += ["", "메모:", step.note]
    lines += ["", f"편집국에서 보기: {settings.SITE_URL}{reverse('admin:articles_article_change', args=[article.pk])}"]
    subject = f"[{step.get_action_display()}] {article.title}"
    # Mail only once the step is committed, so nobody hears of a save that rolled back.
    transaction.on_commit(
        lambda: send_mail(subject, "\n".join(lines), None, addresses, fail_silently=True),
    )


def _action_for(*, article: Article, old_status: str | None, actor_can_publish: bool) -> str | None:
    new_status = article.status
    if new_status == old_status:
        return None
    if new_status == Article.Status.REVIEW:
        return ReviewStep.Action.SUBMITTED
    if new_status == Article.Status.PUBLISHED:
        return ReviewStep.Action.SCHEDULED if article.is_scheduled else ReviewStep.Action.PUBLISHED
    if old_status == Article.Status.PUBLISHED:
        return ReviewStep.Action.UNPUBLISHED
    if old_status == Article.Status.REVIEW and actor_can_publish:
        return ReviewStep.Action.RETURNED
    return None


def review_record(
    *, article: Article, old_status: str | None, actor: User, note: str = "", actor_can_publish: bool = False
) -> ReviewStep | None:
    """Log the review step a status change makes, tell the other side, and return the step (or None)."""
    action = _action_for(article=article, old_status=old_status, actor_can_publish=actor_can_publish)
    if action is None:
        return None
    step = ReviewStep.objects.create(article=article, actor=actor, action=action, note=note)
    if action == ReviewStep.Action.SUBMITTED:
        _notify(step=step, recipients=desk_editors())
    else:
        _notify(step=step, recipients=article_reporters(article))
    return step


def revision_record(*, article: Article, author: User | None, note: str = "") -> Revision | None:
    """Keep a revision of the article as saved, unless nothing it tracks has changed."""
    data = Revision.snapshot(article)
    latest = article.revisions.order_by("-number").first()
    if latest is not None and latest.data == data:
        return None
    number = (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    return Revision.objects.create(article=article, number=number, author=author, note=note, data=data)


@transaction.atomic
def revision_restore(*, revision: Revision, author: User | None) -> tuple[Article, Revision | None]:
    """Put an earlier revision back as the current text; the restore is itself a new revision."""
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    data = dict(revision.data)
    tags = data.pop("tags", None)
    bylines = data.pop("bylines", None)
    for name, value in data.items():
        if name == "photo":
            article.photo.name = value or ""
        else:
            setattr(article, name, value)
    article.save()
    # Revisions kept before tags and bylines were recorded leave them as they are.
    if tags is not None:
        article.tags.set(Tag.objects.filter(name__in=tags))
    if bylines is not None:
        active = set(
            get_user_model().objects.filter(pk__in=[row["reporter"] for row in bylines]).values_list("pk", flat=True)
        )
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, reporter_id=row["reporter"], role=row["role"], order=row["order"])
            for row in bylines
            if row["reporter"] in active
        )
    return article, revision_record(article=article, author=author, note=f"{revision.number}판 복원")
