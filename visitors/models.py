"""Visitor counting: one row per visitor per KST day, daily sums kept for good.

The unique constraints are what make the figures exact with many processes and
app servers: whoever inserts a (day, visitor) row first counts it, everyone else
hits the constraint and counts nothing. Visitors are stored only as keyed
hashes whose key changes every day, never as addresses.
"""

from django.db import models

from articles.models import Article


class Visit(models.Model):
    """One visitor on one KST day. Purged after VISIT_RETENTION_DAYS; DailyVisits keeps the sum."""

    day = models.DateField("날짜")
    visitor = models.CharField("방문자 해시", max_length=64)
    is_member = models.BooleanField("회원", default=False)
    referrer = models.CharField("유입 도메인", max_length=100, blank=True)

    class Meta:
        verbose_name = "방문 기록"
        verbose_name_plural = "방문 기록"
        constraints = [models.UniqueConstraint(fields=["day", "visitor"], name="visit_once_per_day")]

    def __str__(self):
        return f"{self.day} {self.visitor[:8]}"


class DailyVisits(models.Model):
    """Visits per KST day (오늘, 어제, 최대, 전체 and the chart read these)."""

    day = models.DateField("날짜", unique=True)
    visits = models.PositiveIntegerField("방문자 수", default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = "방문자 통계"
        verbose_name_plural = "방문자 통계"

    def __str__(self):
        return f"{self.day}: {self.visits}"


class ArticleView(models.Model):
    """One visitor reading one article on one KST day; at most one per triple."""

    day = models.DateField("날짜")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name="기사")
    visitor = models.CharField("방문자 해시", max_length=64)

    class Meta:
        verbose_name = "기사 조회 기록"
        verbose_name_plural = "기사 조회 기록"
        constraints = [models.UniqueConstraint(fields=["day", "article", "visitor"], name="article_view_once_per_day")]

    def __str__(self):
        return f"{self.day} {self.article_id} {self.visitor[:8]}"


class ArticleDailyViews(models.Model):
    """Views of an article on one KST day; 많이 본 뉴스 sums the last seven days."""

    day = models.DateField("날짜")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views", verbose_name="기사")
    views = models.PositiveIntegerField("조회수", default=0)

    class Meta:
        verbose_name = "기사 일별 조회수"
        verbose_name_plural = "기사 일별 조회수"
        constraints = [models.UniqueConstraint(fields=["day", "article"], name="article_daily_views_once")]

    def __str__(self):
        return f"{self.day} {self.article_id}: {self.views}"


class OnlineVisitor(models.Model):
    """Who was seen lately (현재접속자) when no shared cache (Redis) is configured.

    last_seen is refreshed at most about once a minute per visitor, so this
    table is written far less often than pages are read.
    """

    key = models.CharField("방문자 키", max_length=80, unique=True)
    is_member = models.BooleanField("회원", default=False)
    last_seen = models.DateTimeField("마지막 접속", db_index=True)

    class Meta:
        verbose_name = "현재 접속자"
        verbose_name_plural = "현재 접속자"

    def __str__(self):
        return self.key
