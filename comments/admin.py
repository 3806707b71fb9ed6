from django.contrib import admin, messages

from . import services
from .models import BannedWord, Comment, CommentBan, CommentReport, ReportedComment


class CommentReportInline(admin.TabularInline):
    model = CommentReport
    extra = 0
    fields = ("reason", "reporter", "created_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReportsFilter(admin.SimpleListFilter):
    title = "신고"
    parameter_name = "reports"

    def lookups(self, request, model_admin):
        return [("waiting", "검토 대기"), ("any", "신고 있음")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(report_count__gt=0, moderated_at__isnull=True)
        if self.value() == "any":
            return queryset.filter(report_count__gt=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Comments are the members' words: the desk hides or unhides them and bars authors, but never rewrites them.

    Deleting here is off because it would break threads; hiding keeps the replies in place.
    """

    list_display = ("excerpt", "author", "article_title", "status", "report_count", "created_at")
    list_display_links = ("excerpt",)
    list_filter = ("status", ReportsFilter)
    list_select_related = ("author", "article")
    search_fields = ("text", "author__username", "author__nickname", "article__title")
    ordering = ("-report_count", "-created_at")
    fields = (
        "article",
        "author",
        "text",
        "status",
        "depth",
        "like_count",
        "dislike_count",
        "report_count",
        "created_at",
        "edited_at",
        "moderated_at",
    )
    readonly_fields = fields
    inlines = [CommentReportInline]
    actions = ["hide", "unhide", "dismiss_reports", "ban_authors"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="내용")
    def excerpt(self, obj):
        if obj.status == Comment.Status.DELETED:
            return "(삭제된 댓글)"
        return obj.text[:60] + ("…" if len(obj.text) > 60 else "")

    @admin.display(description="기사", ordering="article__title")
    def article_title(self, obj):
        return obj.article.title[:30]

    @admin.action(description="선택한 댓글 숨기기", permissions=["change"])
    def hide(self, request, queryset):
        hidden = sum(services.comment_hide(comment=comment) for comment in queryset)
        self.message_user(request, f"댓글 {hidden}개를 숨겼습니다.", messages.SUCCESS)

    @admin.action(description="선택한 댓글 다시 보이기", permissions=["change"])
    def unhide(self, request, queryset):
        shown = sum(services.comment_unhide(comment=comment) for comment in queryset)
        self.message_user(request, f"댓글 {shown}개를 다시 보이게 했습니다.", messages.SUCCESS)

    @admin.action(description="신고 검토 완료 (댓글 유지)", permissions=["change"])
    def dismiss_reports(self, request, queryset):
        count = services.comment_reports_dismiss(comments=list(queryset))
        self.message_user(request, f"댓글 {count}개의 신고를 검토 완료로 표시했습니다.", messages.SUCCESS)

    @admin.action(description="선택한 댓글의 작성자 댓글 작성 금지", permissions=["change"])
    def ban_authors(self, request, queryset):
        authors = {comment.author for comment in queryset if comment.author}
        for author in authors:
            services.comment_ban(user=author, moderator=request.user, reason="신고된 댓글에 따른 데스크 조치")
        self.message_user(request, f"회원 {len(authors)}명의 댓글 작성을 막았습니다.", messages.SUCCESS)


@admin.register(ReportedComment)
class ReportedCommentAdmin(CommentAdmin):
    """The moderation queue: reported comments not yet reviewed, most reported first."""

    list_filter = ("status",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(report_count__gt=0, moderated_at__isnull=True)


@admin.register(CommentBan)
class CommentBanAdmin(admin.ModelAdmin):
    list_display = ("user", "reason", "until", "is_active", "created_by", "created_at")
    list_select_related = ("user", "created_by")
    search_fields = ("user__username", "user__nickname")
    raw_id_fields = ("user",)

    @admin.display(description="적용 중", boolean=True)
    def is_active(self, obj):
        return obj.is_active

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(BannedWord)
class BannedWordAdmin(admin.ModelAdmin):
    list_display = ("word", "created_at")
    search_fields = ("word",)
