from django import forms
from django.contrib import admin
from django.utils import timezone

from .models import Article, Group, Section


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ("name", "slug", "order")


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "order")
    list_editable = ("order",)
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("name", "group", "slug", "order")
    list_filter = ("group",)
    list_select_related = ("group",)


class SectionListFilter(admin.RelatedFieldListFilter):
    """Section choices labelled "묶음 › 섹션", read in one query."""

    def field_choices(self, field, request, model_admin):
        return [(section.pk, str(section)) for section in Section.objects.select_related("group")]


def can_publish(user):
    return user.has_perm("articles.publish_article")


class ArticleAdminForm(forms.ModelForm):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(group__kind=Group.Kind.ARTICLES).select_related(
            "group"
        )
        if "status" in self.fields and user is not None and not can_publish(user):
            self.fields["status"].choices = [
                choice for choice in Article.Status.choices if choice[0] != Article.Status.PUBLISHED
            ]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("title", "section", "reporter", "status_label", "published_at", "view_count")
    list_filter = ("status", "section__group", ("section", SectionListFilter), "reporter")
    list_select_related = ("section__group", "reporter")
    search_fields = ("title", "subtitle", "summary")
    date_hierarchy = "published_at"
    ordering = ("-published_at",)
    fieldsets = (
        (None, {"fields": ("section", "title", "subtitle", "summary", "body")}),
        ("대표 사진", {"fields": ("photo", "photo_alt", "photo_caption", "photo_credit")}),
        ("동영상", {"fields": ("video_url",), "classes": ("collapse",)}),
        ("발행", {"fields": ("status", "published_at", "reporter", "byline")}),
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class RequestForm(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return RequestForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_publish(request.user):
            return fieldsets
        # Reporters always write under their own name.
        return [
            (name, {**options, "fields": tuple(f for f in options["fields"] if f != "reporter")})
            for name, options in fieldsets
        ]

    def get_changeform_initial_data(self, request):
        return {"reporter": request.user.pk, **super().get_changeform_initial_data(request)}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_publish(request.user):
            return queryset
        return queryset.filter(reporter=request.user)

    def has_change_permission(self, request, obj=None):
        # A reporter changes only their own articles, and only until the desk publishes them.
        if (
            obj is not None
            and not can_publish(request.user)
            and (obj.reporter_id != request.user.pk or obj.status == Article.Status.PUBLISHED)
        ):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not can_publish(request.user) and obj.reporter_id != request.user.pk:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not can_publish(request.user):
            obj.reporter = request.user
            if obj.status == Article.Status.PUBLISHED:
                obj.status = Article.Status.REVIEW
        super().save_model(request, obj, form, change)

    @admin.display(description="상태", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return f"예약 ({timezone.localtime(obj.published_at):%m-%d %H:%M})"
        return obj.get_status_display()
