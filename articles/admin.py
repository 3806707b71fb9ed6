import datetime
from importlib import import_module

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from lib.pagination import BlockPaginator

from . import services
from .front_page import compose_front_page
from .models import (
    Article,
    BreakingNews,
    Byline,
    Correction,
    FrontPagePin,
    Group,
    ReporterProfile,
    ReviewStep,
    Revision,
    Section,
    Tag,
)
from .portal_report import OWN_SHARE_TARGET, kst, month_range, monthly_shares, own_share, portal_csv
from .revisions import revision_diff, revision_name


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


class StaffListFilter(admin.RelatedFieldListFilter):
    """Reporter choices: staff accounts only, not every reader who signed up."""

    def field_choices(self, field, request, model_admin):
        return field.get_choices(include_blank=False, ordering=("username",), limit_choices_to={"is_staff": True})


def can_publish(user):
    return user.has_perm("articles.publish_article")


# The longest body the desk may save, in characters of HTML: a long feature is ~30,000; the limit keeps a
# pasted book (or a hostile 10 MB field) out of the database, the search index and every page render.
BODY_MAX_LENGTH = 200_000


class ArticleAdminForm(forms.ModelForm):
    review_note = forms.CharField(
        label="검토 메모",
        required=False,
        max_length=2000,
        error_messages={"max_length": "검토 메모는 %(limit_value)d자 이하로 적어 주세요. (지금 %(show_value)d자)"},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="검토 요청이나 반려와 함께 남길 말. 데스크가 반려할 때는 꼭 적어야 합니다.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("title", "subtitle"):
            if name in self.fields:
                # The count as stored (also without JavaScript); static/js/admin_article.js keeps it live.
                field = self.fields[name]
                typed = str((self.data.get(self.add_prefix(name)) if self.is_bound else self.initial.get(name)) or "")
                field.widget.attrs["class"] = "vLargeTextField article-headline"
                field.help_text = format_html(
                    '<span class="charcount" data-charcount-for="{}">{}</span>/{}자',
                    self.auto_id % self.add_prefix(name),
                    len(typed),
                    field.max_length,
                )
        if "section" in self.fields:  # absent when the article is read-only for this user
            self.fields["section"].queryset = Section.objects.filter(group__kind=Group.Kind.ARTICLES).select_related(
                "group"
            )
        if "status" in self.fields and user is not None and not can_publish(user):
            self.fields["status"].choices = [
                choice for choice in Article.Status.choices if choice[0] != Article.Status.PUBLISHED
            ]

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        if len(body) > BODY_MAX_LENGTH:
            raise forms.ValidationError(
                f"본문이 너무 깁니다. 서식을 포함해 {BODY_MAX_LENGTH:,}자 이하로 나누어 써 주세요. (지금 {len(body):,}자)",
                code="max_length",
            )
        return body

    def clean(self):
        cleaned = super().clean()
        # self.instance still holds the stored status here: the form applies its values after clean().
        returning = (
            self.instance.pk is not None
            and self.instance.status == Article.Status.REVIEW
            and cleaned.get("status") == Article.Status.DRAFT
            and self.user is not None
            and can_publish(self.user)
        )
        if returning and not cleaned.get("review_note", "").strip():
            self.add_error("review_note", "반려할 때는 기자에게 전할 메모를 적어 주세요.")
        return cleaned


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    fields = ("reporter", "role", "order")
    verbose_name_plural = "함께 쓴 기자 (대표 기자 외)"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "reporter":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ("kind", "text", "created_at")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("title", "section", "reporter", "origin", "status_label", "published_at", "view_count")
    list_filter = ("status", "origin", "section__group", ("section", SectionListFilter), ("reporter", StaffListFilter))
    list_select_related = ("section__group", "reporter")
    search_fields = ("title", "subtitle", "summary")
    search_help_text = "제목·부제·요약·본문과 기자 이름에서 찾습니다 (발행 기사는 검색 색인으로)."
    # A million rows: newest first by article_admin_list, pages of ids counted up to a cap,
    # no full count and no year navigation (each read every row).
    ordering = ("-published_at", "-id")
    paginator = BlockPaginator
    show_full_result_count = False
    autocomplete_fields = ("tags",)
    inlines = [BylineInline, CorrectionInline]
    readonly_fields = ("publication_state", "text_stats", "review_log", "revision_links")
    fieldsets = (
        (None, {"fields": ("section", "title", "subtitle", "summary", "body", "text_stats")}),
        ("대표 사진", {"fields": ("photo", "photo_alt", "photo_caption", "photo_credit")}),
        ("동영상", {"fields": ("video_url",), "classes": ("collapse",)}),
        ("분류", {"fields": ("tags", "origin")}),
        ("발행", {"fields": ("publication_state", "status", "published_at", "reporter", "byline")}),
        ("검토", {"fields": ("review_note", "review_log", "revision_links")}),
    )
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = {"all": ["css/admin_article.css"]}
        js = ["js/admin_article.js"]

    change_list_template = "admin/articles/article/change_list.html"

    def get_urls(self):
        own = [
            path("portal-report/", self.admin_site.admin_view(self.portal_report_view), name="articles_portal_report"),
            path(
                "portal-report.csv",
                self.admin_site.admin_view(self.portal_report_csv),
                name="articles_portal_report_csv",
            ),
            path("preview/", self.admin_site.admin_view(self.preview_view), name="articles_article_preview"),
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview_change",
            ),
            path(
                "<int:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<int:object_id>/revisions/<int:number>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
        ]
        return own + super().get_urls()

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
        match = request.resolver_match
        if match is not None and match.url_name == "articles_article_changelist":
            queryset = queryset.defer("body")  # the list never shows it; the form needs it
        if can_publish(request.user):
            return queryset
        return queryset.filter(reporter=request.user)

    def get_search_results(self, request, queryset, search_term):
        """Published articles through the site's search index (settings.ARTICLES_ADMIN_SEARCH, the search
        app's query module), the rest (drafts, review, scheduled: few) by title and summary."""
        engine = import_module(settings.ARTICLES_ADMIN_SEARCH) if settings.ARTICLES_ADMIN_SEARCH else None
        terms = engine.parse_terms(search_term) if engine else []
        if not terms:
            return super().get_search_results(request, queryset, search_term)
        found = engine.ArticleSearch(terms)
        # Its one counting query's matches (up to COUNT_CAP + 1 ids), without loading rows; the list orders them.
        public_ids = [row[0] for row in found._first]  # noqa: SLF001
        hidden = Q(status__in=[Article.Status.DRAFT, Article.Status.REVIEW]) | Q(
            status=Article.Status.PUBLISHED, published_at__gt=found.now
        )
        for term in terms:
            hidden &= Q(title__icontains=term) | Q(summary__icontains=term)
        # Read once here, so the list's count and its page are lookups by id rather than two more passes
        # over every draft's text; at most as many as the published side.
        hidden_ids = list(queryset.filter(hidden).order_by().values_list("pk", flat=True)[: engine.COUNT_CAP + 1])
        return queryset.filter(pk__in=public_ids + hidden_ids), False

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
        # Like changes: a reporter deletes only their own articles, and never a published one.
        if (
            obj is not None
            and not can_publish(request.user)
            and (obj.reporter_id != request.user.pk or obj.status == Article.Status.PUBLISHED)
        ):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            actions.pop("delete_selected", None)  # the bulk action cannot tell published articles apart
        return actions

    def save_model(self, request, obj, form, change):
        publisher = can_publish(request.user)
        if not publisher:
            obj.reporter = request.user
            if obj.status == Article.Status.PUBLISHED:
                obj.status = Article.Status.REVIEW
        old_status = Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first() if change else None
        if (
            obj.status == Article.Status.PUBLISHED
            and old_status != Article.Status.PUBLISHED
            and "published_at" not in form.changed_data
            and obj.published_at < timezone.now()
        ):
            # Publishing a draft written days ago dates it now, unless the desk set the time itself.
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)
        step = services.review_record(
            article=obj,
            old_status=old_status,
            actor=request.user,
            note=form.cleaned_data.get("review_note", "").strip(),
            actor_can_publish=publisher,
        )
        if step is not None:
            messages.info(request, REVIEW_MESSAGES[step.action].format(when=kst(obj.published_at)))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the tags and bylines are saved, so the revision holds them too.
        services.revision_record(article=form.instance, author=request.user)

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if can_publish(request.user):
            extra_context["own_share"] = own_share(month_range(timezone.localdate()))
            extra_context["own_share_target"] = OWN_SHARE_TARGET
        return super().changelist_view(request, extra_context)

    @admin.display(description="상태", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return f"예약 ({timezone.localtime(obj.published_at):%m-%d %H:%M})"
        return obj.get_status_display()

    @admin.display(description="공개 상태")
    def publication_state(self, obj):
        if obj is None or obj.pk is None:
            return "저장 전입니다. 발행 시각은 한국 시간(KST)으로 적습니다."
        if obj.is_scheduled:
            return format_html("<strong>예약</strong>: {} (한국 시간)에 저절로 공개됩니다.", kst(obj.published_at))
        if obj.is_public:
            return format_html("<strong>공개 중</strong>: {} (한국 시간)부터", kst(obj.published_at))
        return f"{obj.get_status_display()}: 독자에게 보이지 않습니다."

    @admin.display(description="분량")
    def text_stats(self, obj):
        if obj is None or obj.pk is None:
            return "저장하면 글자 수와 읽는 시간을 보여 줍니다."
        return f"공백 뺀 {obj.text_length:,}자 · 어절 {obj.word_count:,}개 · 읽는 데 약 {obj.reading_minutes}분"

    @admin.display(description="검토 기록")
    def review_log(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        steps = obj.review_steps.select_related("actor").order_by("created_at", "id")
        if not steps:
            return "아직 기록이 없습니다."
        return format_html(
            '<ol class="review-log">{}</ol>',
            format_html_join(
                "",
                "<li><strong>{}</strong> {} · {}{}</li>",
                (
                    (
                        step.get_action_display(),
                        kst(step.created_at),
                        step.actor.display_name if step.actor else "-",
                        format_html('<br><span class="review-log__note">{}</span>', step.note) if step.note else "",
                    )
                    for step in steps
                ),
            ),
        )

    @admin.display(description="판 기록")
    def revision_links(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        count = obj.revisions.count()
        url = reverse("admin:articles_article_revisions", args=[obj.pk])
        return format_html('<a href="{}">저장된 판 {}개: 비교하고 되돌리기</a>', url, count)

    # 미리보기

    def preview_view(self, request, object_id=None):
        """The form's unsaved article in the reader's design, in its own tab.

        Staff only, POST with the form's CSRF token (admin_view), never cached (admin_view's never_cache:
        private, no-store; a POST never reaches lib.pagecache), not counted (no visitor beacon), and
        nothing saved: the form and its inline bylines are only validated onto unsaved objects. The body
        goes through the same sanitiser a save uses; the lead photo is the one already uploaded.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            obj, article = None, Article(reporter=request.user)
        else:
            obj = self.get_object(request, str(object_id))
            if obj is None:
                raise Http404("기사가 없습니다.")
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            article = obj
        form = self.get_form(request, obj, change=obj is not None)(request.POST, instance=article)
        form.is_valid()  # puts every valid field on the unsaved instance; the rest keep their stored values
        article.sanitize_body()
        if not can_publish(request.user):
            article.reporter = request.user
        if article.section_id is None:
            article.section = Section.objects.select_related("group").filter(group__kind=Group.Kind.ARTICLES).first()
        bylines = []
        formsets, _ = self._create_formsets(request, article, change=obj is not None)  # noqa: SLF001
        for formset in formsets:
            if formset.model is Byline:
                for row in formset.forms:
                    if row.is_valid() and row.cleaned_data.get("reporter") and not row.cleaned_data.get("DELETE"):
                        bylines.append(Byline(reporter=row.cleaned_data["reporter"], role=row.cleaned_data["role"]))
        context = {
            "article": article,
            "preview": True,
            "credits": article.credits_with(bylines),
            "current_group": article.section.group,
            "current_section": article.section,
        }
        response = TemplateResponse(request, "articles/article_detail.html", context)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    # revisions

    def revisions_view(self, request, object_id):
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        revisions = list(article.revisions.select_related("author"))
        # "current" is the article as it is now (a revision numbered 0, not stored).
        by_number = {str(revision.number): revision for revision in revisions}
        by_number["current"] = Revision(article=article, number=0, data=Revision.snapshot(article))
        older = by_number.get(request.GET.get("a", ""))
        newer = by_number.get(request.GET.get("b", ""))
        diff = revision_diff(older, newer, article) if older and newer else None
        context = {
            **self.admin_site.each_context(request),
            "title": f"판 기록: {article.title}",
            "opts": self.opts,
            "original": article,
            "revisions": revisions,
            "older": older,
            "newer": newer,
            "older_name": revision_name(older) if older else "",
            "newer_name": revision_name(newer) if newer else "",
            "diff": diff,
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def restore_view(self, request, object_id, number):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_article_revisions", args=[object_id]))
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        revision = get_object_or_404(article.revisions, number=number)
        services.revision_restore(revision=revision, author=request.user)
        messages.success(request, f"{number}판의 내용으로 되돌렸습니다. 되돌리기 전 내용도 판 기록에 남아 있습니다.")
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    # portal report

    def portal_report_view(self, request):
        if not can_publish(request.user):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "포털 제휴 보고",
            "opts": self.opts,
            "months": monthly_shares(timezone.localdate()),
            "target": OWN_SHARE_TARGET,
        }
        return TemplateResponse(request, "admin/articles/article/portal_report.html", context)

    def portal_report_csv(self, request):
        if not can_publish(request.user):
            raise PermissionDenied
        return portal_csv(timezone.now(), request.build_absolute_uri)


REVIEW_MESSAGES = {
    ReviewStep.Action.SUBMITTED: "데스크에 검토를 요청했습니다. 데스크에 메일로 알렸습니다.",
    ReviewStep.Action.RETURNED: "기사를 반려했습니다. 기자에게 메모와 함께 메일로 알렸습니다.",
    ReviewStep.Action.PUBLISHED: "기사를 발행했습니다. 기자에게 메일로 알렸습니다.",
    ReviewStep.Action.SCHEDULED: "{when} (한국 시간)에 공개되도록 예약했습니다. 기자에게 메일로 알렸습니다.",
    ReviewStep.Action.UNPUBLISHED: "발행을 취소했습니다. 독자에게 더 이상 보이지 않습니다.",
}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = ("name",)
    ordering = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles"))

    @admin.display(description="기사 수", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles


@admin.register(ReporterProfile)
class ReporterProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "title", "public_email")
    list_select_related = ("user",)
    fields = ("user", "title", "photo", "photo_alt", "public_email", "bio")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("article", "kind", "created_at")
    list_filter = ("kind",)
    list_select_related = ("article",)
    raw_id_fields = ("article",)


@admin.register(FrontPagePin)
class FrontPagePinAdmin(admin.ModelAdmin):
    list_display = ("article", "slot", "group", "order", "article_state")
    list_editable = ("order",)
    list_filter = ("slot", "group")
    list_select_related = ("article", "group")
    raw_id_fields = ("article",)

    @admin.display(description="기사 상태")
    def article_state(self, obj):
        if obj.article.is_public:
            return "공개 중"
        if obj.article.is_scheduled:
            return f"예약 ({timezone.localtime(obj.article.published_at):%m-%d %H:%M}) - 공개되면 나타납니다"
        return "비공개 - 첫 화면에 나오지 않습니다"

    def changelist_view(self, request, extra_context=None):
        """Above the list: what fills each place right now (and since when), and the scheduled pins."""
        page = compose_front_page()
        scheduled = (
            FrontPagePin.objects.filter(
                article__status=Article.Status.PUBLISHED, article__published_at__gt=timezone.now()
            )
            .select_related("article", "group")
            .order_by("article__published_at")
        )
        extra_context = {
            **(extra_context or {}),
            "front_top": page.top_story,
            "front_headlines": page.headlines,
            "front_groups": page.group_blocks,
            "front_scheduled": list(scheduled),
        }
        return super().changelist_view(request, extra_context)


@admin.register(BreakingNews)
class BreakingNewsAdmin(admin.ModelAdmin):
    list_display = ("text", "starts_at", "expires_at", "is_active", "state")
    list_editable = ("is_active",)
    raw_id_fields = ("article",)

    def get_changeform_initial_data(self, request):
        return {
            "expires_at": timezone.now() + datetime.timedelta(hours=3),
            **super().get_changeform_initial_data(request),
        }

    @admin.display(description="지금")
    def state(self, obj):
        now = timezone.now()
        if not obj.is_active:
            return "내림"
        if obj.starts_at > now:
            return "대기"
        if obj.expires_at <= now:
            return "만료"
        return "게시 중"
