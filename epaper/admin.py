from django.contrib import admin

from .models import Edition


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ("issue_number", "date", "headline", "is_published")
    list_filter = ("is_published",)
    list_editable = ("is_published",)
    search_fields = ("headline",)
    date_hierarchy = "date"
    fields = ("date", "issue_number", "headline", "pdf", "cover", "is_published")
