from django.db import models


class QueryCount(models.Model):
    """How many different readers searched for a query on a day; who they were is never stored."""

    day = models.DateField("날짜")
    query = models.CharField("검색어", max_length=100)
    count = models.PositiveIntegerField("검색한 사람 수", default=0)

    class Meta:
        ordering = ["-day", "-count"]
        verbose_name = "검색어 집계"
        verbose_name_plural = "검색어 집계"
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="querycount_once_a_day")]

    def __str__(self):
        return f"{self.day} {self.query} ({self.count})"
