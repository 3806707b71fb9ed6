"""Every write to comments goes through here, so that "댓글 N" always equals the visible comments.

Each write starts by taking the article's row lock (a no-op UPDATE: PostgreSQL locks the row,
SQLite takes its write lock), then changes comments, then recounts inside the same transaction.
Writers on one article therefore run one after another and the recount sees every committed
comment, however many people post, delete or get hidden at the same moment.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from lib import pagecache, ratelimit

from .models import MAX_LENGTH, BannedWord, Comment, CommentBan, CommentReport, CommentVote

if TYPE_CHECKING:
    from accounts.models import User

MIN_INTERVAL = datetime.timedelta(seconds=30)
HOUR = datetime.timedelta(hours=1)


def normalize_text(text: str | None) -> str:
    """Browsers send line breaks as CRLF; count and store them as one character, as the textarea does."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def too_long_message(text: str) -> str:
    return f"댓글은 {MAX_LENGTH:,}자까지 쓸 수 있습니다 (지금 {len(text):,}자)."


def validate_text(text: str) -> None:
    if not text:
        raise ValidationError({"text": "댓글 내용을 입력하세요."})
    if len(text) > MAX_LENGTH:
        raise ValidationError({"text": too_long_message(text)})
    word = BannedWord.find_in(text)
    if word:
        raise ValidationError({"text": f"사용할 수 없는 말(‘{word}’)이 들어 있습니다. 고친 뒤 다시 등록하세요."})


def is_banned(user: User) -> bool:
    return CommentBan.objects.active().filter(user=user).exists()


def address_over_limit(address: str | None) -> bool:
    """True once this address has had COMMENT_ADDRESS_LIMIT accepted comments in the window (counts
    nothing); the form then asks for the numeric captcha. Only a keyed hash of the address reaches the
    cache, never the address itself."""
    return ratelimit.used("comments.address", address or "unknown") >= settings.COMMENT_ADDRESS_LIMIT


def count_address_post(address: str | None) -> None:
    """Count one accepted comment from this address; refused attempts are never counted."""
    ratelimit.count("comments.address", address or "unknown", settings.COMMENT_ADDRESS_WINDOW)


def _lock_article(article_id: int) -> None:
    Article.objects.filter(pk=article_id).update(comment_count=F("comment_count"))


def _recount(article_id: int) -> int:
    count = Comment.objects.filter(article_id=article_id).visible().count()
    Article.objects.filter(pk=article_id).update(comment_count=count)
    return count


def _check_author(comment: Comment, user: User) -> None:
    if comment.author_id is None or comment.author_id != user.pk:
        raise PermissionDenied("자신의 댓글만 고치거나 지울 수 있습니다.")


def comment_create(
    *, article: Article, author: User, text: str, parent: Comment | None = None, token: str = ""
) -> Comment:
    """Post a comment or a reply; a second post of the same form returns the first comment."""
    text = normalize_text(text)
    with transaction.atomic():
        _lock_article(article.pk)
        # Also serialise one member's posts on different articles, for the 30-second rule.
        list(get_user_model().objects.select_for_update().filter(pk=author.pk).values_list("pk"))
        if token:
            existing = Comment.objects.filter(author=author, token=token).first()
            if existing:
                return existing
        if is_banned(author):
            raise ValidationError("댓글 작성이 제한된 회원입니다.")
        last = (
            Comment.objects.filter(author=author).order_by("-created_at").values_list("created_at", flat=True).first()
        )
        now = timezone.now()
        if last and now - last < MIN_INTERVAL:
            wait = int((MIN_INTERVAL - (now - last)).total_seconds()) + 1
            raise ValidationError(
                {
                    "text": f"댓글은 {int(MIN_INTERVAL.total_seconds())}초에 한 번 쓸 수 있습니다. {wait}초 뒤에 다시 등록하세요."
                }
            )
        limit = settings.COMMENT_MEMBER_HOURLY_LIMIT
        in_last_hour = list(
            Comment.objects.filter(author=author, created_at__gt=now - HOUR)
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:limit]
        )
        if len(in_last_hour) >= limit:
            wait = max(1, int((in_last_hour[-1] + HOUR - now).total_seconds() + 59) // 60)
            raise ValidationError(
                {"text": f"댓글은 한 시간에 {limit}개까지 쓸 수 있습니다. {wait}분 뒤에 다시 등록하세요."}
            )
        validate_text(text)
        if parent is not None:
            parent = Comment.objects.filter(pk=parent.pk, article=article).select_related("parent").first()
            if parent is None or not parent.is_visible:
                raise ValidationError("삭제되었거나 숨겨진 댓글에는 답글을 달 수 없습니다.")
        comment = Comment(article=article, author=author, text=text, token=token, created_at=now)
        comment.place_under(parent)
        comment.save()
        comment.save_path()
        article.comment_count = _recount(article.pk)
    return comment


def comments_recount(*, article: Article) -> None:
    """Set "댓글 N" from the comments themselves, for writes made outside these services (the demo)."""
    with transaction.atomic():
        _lock_article(article.pk)
        article.comment_count = _recount(article.pk)


def comment_edit(*, comment: Comment, author: User, text: str) -> Comment:
    text = normalize_text(text)
    with transaction.atomic():
        _lock_article(comment.article_id)
        comment = Comment.objects.get(pk=comment.pk)
        _check_author(comment, author)
        if not comment.is_visible:
            raise ValidationError("삭제되었거나 숨겨진 댓글은 고칠 수 없습니다.")
        if is_banned(author):
            raise ValidationError("댓글 작성이 제한된 회원입니다.")
        validate_text(text)
        comment.text = text
        comment.edited_at = timezone.now()
        comment.save(update_fields=["text", "edited_at"])
    return comment


def comment_delete(*, comment: Comment, author: User) -> bool:
    """Delete a member's own comment. One with replies stays as "삭제된 댓글입니다." so the replies keep their place.

    Returns True when the row was removed, False when it was kept as a placeholder.
    """
    with transaction.atomic():
        _lock_article(comment.article_id)
        current = Comment.objects.filter(pk=comment.pk).first()
        if current is None:
            return True
        _check_author(current, author)
        if current.replies.exists():
            current.status = Comment.Status.DELETED
            current.text = ""
            current.save(update_fields=["status", "text"])
            removed = False
        else:
            parent_id = current.parent_id
            current.delete()
            _prune_placeholders(parent_id)
            removed = True
        _recount(current.article_id)
    return removed


def _prune_placeholders(parent_id: int | None) -> None:
    """A deleted placeholder whose last reply is gone has nothing left to hold: remove it too."""
    while parent_id:
        parent = Comment.objects.filter(pk=parent_id, status=Comment.Status.DELETED).first()
        if parent is None or parent.replies.exists():
            return
        parent_id = parent.parent_id
        parent.delete()


def comment_report(*, comment: Comment, reporter: User, reason: str) -> None:
    if comment.author_id == reporter.pk:
        raise ValidationError("자신의 댓글은 신고할 수 없습니다.")
    if not comment.is_visible:
        raise ValidationError("이미 삭제되었거나 숨겨진 댓글입니다.")
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter=reporter, reason=reason)
            # A new report puts the comment back in the desk's queue even if it was reviewed before.
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1, moderated_at=None)
    except IntegrityError:
        raise ValidationError("이미 신고한 댓글입니다.") from None


def comment_vote(*, comment: Comment, member: User, value: int) -> tuple[int, int, int | None]:
    """Cast, change or withdraw a member's 공감 (1) or 비공감 (-1): the same value again withdraws it.

    The counts on the comment move with F() in the vote's transaction, after a no-op update that takes
    the comment's row lock, so concurrent clicks on one comment run one after another. Nothing here moves
    the page-cache generation: counts on cached anonymous pages and guests' comment sections catch up when
    those expire (PAGE_CACHE_SECONDS).
    Returns (공감 count, 비공감 count, the member's vote now or None).
    """
    if value not in CommentVote.Value.values:
        raise ValidationError("공감 또는 비공감을 고르세요.")
    with transaction.atomic():
        rows = Comment.objects.filter(pk=comment.pk)
        if not rows.update(like_count=F("like_count")):
            raise ValidationError("댓글을 찾을 수 없습니다.")
        current = rows.values("author_id", "status").get()
        if current["author_id"] == member.pk:
            raise ValidationError("자신의 댓글에는 공감하거나 비공감할 수 없습니다.")
        if current["status"] != Comment.Status.VISIBLE:
            raise ValidationError("삭제되었거나 숨겨진 댓글에는 공감하거나 비공감할 수 없습니다.")
        vote = CommentVote.objects.filter(comment=comment, member=member).first()
        change: dict[int, int] = {CommentVote.Value.LIKE: 0, CommentVote.Value.DISLIKE: 0}
        now: int | None
        if vote is None:
            CommentVote.objects.create(comment=comment, member=member, value=value)
            change[value] += 1
            now = value
        elif vote.value == value:
            vote.delete()
            change[value] -= 1
            now = None
        else:
            change[vote.value] -= 1
            change[value] += 1
            vote.value = value
            vote.created_at = timezone.now()
            vote.save(update_fields=["value", "created_at"])
            now = value
        rows.update(
            like_count=F("like_count") + change[CommentVote.Value.LIKE],
            dislike_count=F("dislike_count") + change[CommentVote.Value.DISLIKE],
        )
        likes, dislikes = rows.values_list("like_count", "dislike_count").get()
    return likes, dislikes, now


def _set_status(comment: Comment, old: str, new: str) -> bool:
    with transaction.atomic():
        _lock_article(comment.article_id)
        changed = Comment.objects.filter(pk=comment.pk, status=old).update(status=new, moderated_at=timezone.now())
        if changed:
            _recount(comment.article_id)
            pagecache.bump()  # update() sends no signal
    return bool(changed)


def comment_hide(*, comment: Comment) -> bool:
    """Hide a comment from readers ("관리자에 의해 숨겨진 댓글입니다."); replies stay."""
    return _set_status(comment, Comment.Status.VISIBLE, Comment.Status.HIDDEN)


def comment_unhide(*, comment: Comment) -> bool:
    return _set_status(comment, Comment.Status.HIDDEN, Comment.Status.VISIBLE)


def comment_reports_dismiss(*, comments: Iterable[Comment]) -> int:
    """The desk looked at these reports and keeps the comments: they leave the queue."""
    return Comment.objects.filter(pk__in=[c.pk for c in comments]).update(moderated_at=timezone.now())


def comment_ban(
    *, user: User, moderator: User | None, reason: str = "", until: datetime.datetime | None = None
) -> CommentBan:
    ban, _ = CommentBan.objects.update_or_create(
        user=user, defaults={"reason": reason, "until": until, "created_by": moderator, "created_at": timezone.now()}
    )
    return ban
