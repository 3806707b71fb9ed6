from django.contrib import admin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = (
        ("신문", {"fields": ("name", "tagline", "copyright_start_year")}),
        (
            "법정 표시 사항 (신문법 제21조)",
            {
                "fields": (
                    "publisher",
                    "editor",
                    "youth_officer",
                    "registration_number",
                    "registered_on",
                    "first_published_on",
                    "business_number",
                    "address",
                    "phone",
                    "fax",
                    "email",
                )
            },
        ),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
