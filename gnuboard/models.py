from django.db import models


class SourceRow(models.Model):
    """One Gnuboard5 row and what it became here.

    Makes the import repeatable (a row with a known fingerprint is skipped, a changed one is updated)
    and answers the old addresses (board + wr_id or wr_seo_title → article) with one indexed lookup.
    """

    class Kind(models.TextChoices):
        GROUP = "group", "그룹"
        BOARD = "board", "게시판"
        MEMBER = "member", "회원"
        GUEST = "guest", "비회원 이름"
        POST = "post", "게시글"
        COMMENT = "comment", "댓글"
        FILES = "files", "첨부·에디터 이미지"
        VISITS = "visits", "방문자 합계"

    kind = models.CharField("종류", max_length=10, choices=Kind.choices)
    board = models.CharField("게시판", max_length=20, blank=True)
    source_id = models.CharField("원래 번호", max_length=255)
    target_id = models.BigIntegerField("옮긴 곳 번호")
    # For a comment: its article, so an old comment address redirects without a second query.
    article_id = models.BigIntegerField("기사 번호", null=True, blank=True)
    fingerprint = models.CharField("내용 지문", max_length=32, blank=True)
    # Posts: the source view count last imported, so a later run adds only the views counted since.
    count = models.BigIntegerField("원래 조회수·방문자 수", default=0)
    seo_title = models.CharField("짧은 주소 제목", max_length=255, blank=True)
    imported_at = models.DateTimeField("옮긴 시각", auto_now=True)

    class Meta:
        verbose_name = "그누보드5에서 옮긴 항목"
        verbose_name_plural = "그누보드5에서 옮긴 항목"
        constraints = [
            models.UniqueConstraint(fields=["kind", "board", "source_id"], name="gnuboard_source_row_once"),
        ]
        indexes = [
            models.Index(fields=["board", "seo_title"], condition=~models.Q(seo_title=""), name="gnuboard_seo_title"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.board}/{self.source_id} → {self.target_id}"
