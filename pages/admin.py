from django.contrib import admin

from .models import Document, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = (
        ("신문", {"fields": ("name", "tagline", "copyright_start_year", "article_copyright")}),
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
        ("개인정보 보호 (개인정보처리방침에 표시)", {"fields": ("privacy_officer", "privacy_contact")}),
        ("검색 포털 등록", {"fields": ("naver_site_verification", "google_site_verification")}),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("kind", "version", "effective_on", "updated_at")
    list_filter = ("kind",)
    ordering = ("kind", "-effective_on", "-id")
    fields = ("kind", "version", "effective_on", "body")

    def get_readonly_fields(self, request, obj=None):
        # Members agreed to exactly this text: a change must be a new version, so the record stays true.
        if obj is not None and obj.consents.exists():
            return self.fields
        return ()

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.consents.exists():
            return False
        return super().has_delete_permission(request, obj)
