from __future__ import annotations

import re
import unicodedata
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from lib.cache import Cached

MAX_DEPTH = 5
MAX_LENGTH = 1000
# Each level of the path is the comment's id, zero-padded so that text order is thread order.
PATH_STEP = 10

_NOT_WORD = re.compile(r"[\W_]+")


def normalize_for_filter(text):
    """Fold width, case and the spaces or dots people put inside a word to slip past a filter."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible(self) -> Self:
        """The comments that count in "댓글 N": not deleted by their author, not hidden by the desk."""
        return self.filter(status=Comment.Status.VISIBLE)

    def in_thread_order(self) -> Self:
        """An article's comments as the page shows them, with every name in the same query."""
        return self.select_related("author", "reply_to__author").order_by("path")


class Comment(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", "공개"
        DELETED = "deleted", "삭제됨"
        HIDDEN = "hidden", "숨김"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments", verbose_name="기사")
    # A member who is erased later leaves the conversation readable; the page then says "탈퇴한 회원".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
        verbose_name="작성자",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name="상위 댓글"
    )
    # Set when a reply to a 5th-level comment joins that level, so readers still see whom it answers.
    reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="답한 댓글"
    )
    depth = models.PositiveSmallIntegerField("단계", default=1)
    path = models.CharField("정렬 경로", max_length=PATH_STEP * MAX_DEPTH, editable=False)
    text = models.TextField("내용", max_length=MAX_LENGTH)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.VISIBLE)
    report_count = models.PositiveIntegerField("신고 수", default=0)
    # The votes of CommentVote, kept on the row (changed with F() in the vote's transaction) so that
    # showing them costs nothing per comment. A database default too: bulk loaders (the Gnuboard
    # import, bench_data) insert comments naming only the columns they know.
    like_count = models.PositiveIntegerField("공감", default=0, db_default=0, editable=False)
    dislike_count = models.PositiveIntegerField("비공감", default=0, db_default=0, editable=False)
    # A random value from the form: a second submission of the same form (a double click) finds the first comment.
    token = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField("작성 시각", default=timezone.now)
    edited_at = models.DateTimeField("수정 시각", null=True, blank=True)
    moderated_at = models.DateTimeField("검토 시각", null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = "댓글"
        verbose_name_plural = "댓글"
        indexes = [
            models.Index(fields=["article", "path"], name="comment_thread"),
            # A page of top-level threads (등록순 forwards, 최신순 backwards) without reading the replies.
            models.Index(fields=["article", "path"], condition=Q(parent__isnull=True), name="comment_roots"),
            # The replies of a page of threads: a path starts with its thread's top-level id.
            models.Index("article", Substr("path", 1, PATH_STEP), name="comment_thread_root"),
            # BEST 댓글 and 공감순: the most liked first.
            models.Index(fields=["article", "-like_count", "id"], name="comment_liked"),
            models.Index(fields=["author", "-created_at"], name="comment_author_latest"),
            models.Index(fields=["-report_count", "-created_at"], name="comment_reports"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["author", "token"], condition=~Q(token=""), name="comment_once_per_form"),
        ]

    def __str__(self):
        return self.text[:40]

    def get_absolute_url(self):
        """The comment's permalink: it redirects to the article's comment page that holds it."""
        return reverse("comments:permalink", args=[self.pk])

    @property
    def root_path(self):
        """The path of the top-level comment of this thread."""
        return self.path[:PATH_STEP]

    @property
    def is_visible(self):
        return self.status == self.Status.VISIBLE

    def place_under(self, parent):
        """Put a new comment in its thread; a reply to a 5th-level comment joins that level, after its siblings."""
        if parent is None:
            self.parent, self.reply_to, self.depth = None, None, 1
        elif parent.depth >= MAX_DEPTH:
            self.parent, self.reply_to, self.depth = parent.parent, parent, MAX_DEPTH
        else:
            self.parent, self.reply_to, self.depth = parent, None, parent.depth + 1

    def path_step(self):
        return f"{self.pk:0{PATH_STEP}d}"

    def save_path(self):
        """The path needs the comment's own id, so it is written right after the first save."""
        self.path = (self.parent.path if self.parent else "") + self.path_step()
        self.save(update_fields=["path"])


class CommentVote(models.Model):
    """A member's 공감 or 비공감 on a comment: one per member and comment, changed or withdrawn by clicking."""

    class Value(models.IntegerChoices):
        LIKE = 1, "공감"
        DISLIKE = -1, "비공감"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes", verbose_name="댓글")
    # An erased member's votes stay counted, without a name, so the counts on the comment stay true.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comment_votes",
        verbose_name="회원",
    )
    value = models.SmallIntegerField("공감/비공감", choices=Value.choices)
    created_at = models.DateTimeField("시각", default=timezone.now)

    class Meta:
        verbose_name = "댓글 공감"
        verbose_name_plural = "댓글 공감"
        constraints = [models.UniqueConstraint(fields=["comment", "member"], name="comment_vote_once")]

    def __str__(self):
        return f"{self.get_value_display()}: {self.comment}"


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "광고·스팸"
        ABUSE = "abuse", "욕설·비방"
        PRIVACY = "privacy", "개인정보 노출"
        FALSE = "false", "허위 사실"
        OTHER = "other", "기타"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports", verbose_name="댓글")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports", verbose_name="신고한 회원"
    )
    reason = models.CharField("사유", max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField("신고 시각", default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "댓글 신고"
        verbose_name_plural = "댓글 신고"
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="comment_report_once")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment}"


class CommentBanQuerySet(models.QuerySet["CommentBan"]):
    def active(self) -> Self:
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))


class CommentBan(models.Model):
    """A member the desk has barred from writing comments, for good or until a date."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_ban", verbose_name="회원"
    )
    reason = models.CharField("사유", max_length=200, blank=True)
    until = models.DateTimeField("해제 시각", null=True, blank=True, help_text="비워 두면 기한 없이 제한합니다.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="처리한 사람",
        editable=False,
    )
    created_at = models.DateTimeField("제한 시각", default=timezone.now, editable=False)

    objects = CommentBanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "댓글 작성 제한"
        verbose_name_plural = "댓글 작성 제한"

    def __str__(self):
        return str(self.user)

    @property
    def is_active(self):
        return self.until is None or self.until > timezone.now()


class BannedWord(models.Model):
    """A word no comment may contain; checked on the server, ignoring case, width and inserted spaces."""

    word = models.CharField("금지어", max_length=50, unique=True)
    created_at = models.DateTimeField("등록 시각", auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = "금지어"
        verbose_name_plural = "금지어"

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip()
        super().save(*args, **kwargs)

    @classmethod
    def find_in(cls, text):
        """The first banned word the text contains, or None."""
        words = BANNED_WORDS.get()
        folded = normalize_for_filter(text)
        return next((word for word, key in words if key and key in folded), None)


class ReportedComment(Comment):
    """The desk's moderation queue in the admin: the same comments, seen through their reports."""

    class Meta:
        proxy = True
        verbose_name = "신고된 댓글 (검토 대기열)"
        verbose_name_plural = "신고된 댓글 (검토 대기열)"


def _banned_words():
    return [(word, normalize_for_filter(word)) for word in BannedWord.objects.values_list("word", flat=True)]


# (word, folded word) pairs, cached until an editor changes the list.
BANNED_WORDS = Cached("comments:banned-words", 3600, _banned_words)
BANNED_WORDS.clear_on(BannedWord)
