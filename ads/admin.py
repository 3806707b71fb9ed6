from django.contrib import admin
from django.utils.html import format_html

from . import counters
from .models import Banner


@admin.register(Banner)
class BannerAdmin(admin.ModelAdmin):
    list_display = ("advertiser", "slot", "starts_at", "ends_at", "is_active", "shown", "clicked", "preview")
    list_filter = ("slot", "is_active")
    list_editable = ("is_active",)
    search_fields = ("advertiser", "alt_text", "link_url")
    date_hierarchy = "starts_at"
    fieldsets = (
        (None, {"fields": ("advertiser", "slot", "image", "alt_text", "link_url")}),
        ("게재 기간", {"fields": ("starts_at", "ends_at", "is_active")}),
        ("집계", {"fields": ("shown", "clicked")}),
    )
    readonly_fields = ("shown", "clicked")

    @admin.display(description="노출 수")
    def shown(self, obj):
        # Counted hits not yet moved to the database are added, so the figure is current.
        return obj.impressions + counters.pending("impressions", obj.pk) if obj.pk else 0

    @admin.display(description="클릭 수")
    def clicked(self, obj):
        return obj.clicks + counters.pending("clicks", obj.pk) if obj.pk else 0

    @admin.display(description="배너")
    def preview(self, obj):
        if not obj.display_url:
            return ""
        width, height = obj.size
        return format_html('<img src="{}" alt="" width="{}" height="{}">', obj.display_url, width // 3, height // 3)
