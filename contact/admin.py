from django import forms
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from .models import AdGuide, AdRequest, Tip
from .services import submission_delete


@admin.register(AdGuide)
class AdGuideAdmin(admin.ModelAdmin):
    fields = ("title", "intro", "body", "contact")

    def has_add_permission(self, request):
        return not AdGuide.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class StatusFlowForm(forms.ModelForm):
    """Offer only the current status and the moves the flow allows from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "status" in self.fields:
            allowed = {self.instance.status, *self.instance.next_statuses()}
            self.fields["status"].choices = [c for c in self.fields["status"].choices if c[0] in allowed]
            labels = dict(self.fields["status"].choices)
            self.fields["status"].help_text = "여기서 갈 수 있는 상태: " + ", ".join(
                str(labels[status]) for status in self.instance.next_statuses()
            )


class SubmissionAdmin(admin.ModelAdmin):
    """The inbox: everything the sender typed is read-only; the desk moves the status and keeps notes."""

    form = StatusFlowForm
    list_filter = ("status", "created_at")
    list_select_related = ("handled_by",)
    date_hierarchy = "created_at"
    readonly_fields = ("reference", "created_at", "consented_at", "handled_by", "updated_at", "attachment_links")
    actions = None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("attachments")

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, *self.sender_fields)

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        submission_delete(submission=obj)

    def save_model(self, request, obj, form, change):
        obj.handled_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="첨부파일")
    def attachment_links(self, obj):
        attachments = obj.attachments.all()
        if not attachments:
            return "없음"
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({}, {} KB)',
            (
                (a.get_absolute_url(), a.original_name, a.get_content_type_display(), max(1, a.size // 1024))
                for a in attachments
            ),
        )

    @admin.display(description="첨부", ordering=None)
    def attachment_count(self, obj):
        return len(obj.attachments.all()) or ""


@admin.register(Tip)
class TipAdmin(SubmissionAdmin):
    list_display = ("reference", "title", "name", "status", "attachment_count", "created_at", "handled_by")
    search_fields = ("reference", "title", "name", "email", "phone")
    sender_fields = ("name", "phone", "email", "title", "content")
    fieldsets = (
        ("처리", {"fields": ("reference", "status", "note", "handled_by", "updated_at")}),
        ("제보 내용", {"fields": ("title", "content", "attachment_links")}),
        ("제보자", {"fields": ("name", "phone", "email", "created_at", "consented_at")}),
    )


@admin.register(AdRequest)
class AdRequestAdmin(SubmissionAdmin):
    list_display = ("reference", "company", "kind", "contact_person", "status", "created_at", "handled_by")
    list_filter = ("status", "kind", "created_at")
    search_fields = ("reference", "company", "contact_person", "email", "phone")
    sender_fields = ("company", "contact_person", "phone", "email", "kind", "period", "budget", "message")
    fieldsets = (
        ("처리", {"fields": ("reference", "status", "note", "handled_by", "updated_at")}),
        ("신청 내용", {"fields": ("kind", "period", "budget", "message", "attachment_links")}),
        ("신청자", {"fields": ("company", "contact_person", "phone", "email", "created_at", "consented_at")}),
    )
