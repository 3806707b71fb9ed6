from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from . import stats
from .chart import bar_chart
from .models import DailyVisits

CHART_DAYS = 30


@admin.register(DailyVisits)
class StatisticsAdmin(admin.ModelAdmin):
    """방문자 통계: one read-only page instead of a list of rows (the counter writes them)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        now = timezone.now()
        series = stats.daily_series(CHART_DAYS, now=now)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "방문자 통계",
            "figures": stats.figures(now),
            "chart": bar_chart(series),
            "chart_days": CHART_DAYS,
            "series": series,
            "most_read": stats.ranked_articles(days=7, limit=10, now=now),
            "most_read_30": stats.ranked_articles(days=CHART_DAYS, limit=10, now=now),
            "referrers": stats.top_referrers(days=CHART_DAYS, now=now),
            "views_30": stats.views_since(CHART_DAYS, now=now),
            "retention_days": settings.VISITORS_RETENTION_DAYS,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/visitors/statistics.html", context)
