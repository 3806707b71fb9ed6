from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Consent, User


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    can_delete = False
    fields = ("kind", "version", "agreed_at", "withdrawn_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class WithdrawnFilter(admin.SimpleListFilter):
    title = "탈퇴 여부"
    parameter_name = "withdrawn"

    def lookups(self, request, model_admin):
        return [("yes", "탈퇴한 회원"), ("no", "가입 중")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(withdrawn_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(withdrawn_at__isnull=True)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "nickname", "email", "last_name", "first_name", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_active", WithdrawnFilter, "groups")
    search_fields = ("username", "nickname", "email", "first_name", "last_name")
    fieldsets = DjangoUserAdmin.fieldsets + (("회원 정보", {"fields": ("nickname", "withdrawn_at")}),)
    readonly_fields = ("withdrawn_at",)
    inlines = [ConsentInline]
    actions = ["unlock_login", "deactivate"]

    @admin.action(description="선택한 회원의 로그인 잠금 해제", permissions=["change"])
    def unlock_login(self, request, queryset):
        removed = sum(axes_reset(username=username) for username in queryset.values_list("username", flat=True))
        self.message_user(request, f"로그인 실패 기록 {removed}건을 지워 잠금을 풀었습니다.", messages.SUCCESS)

    @admin.action(description="선택한 회원 비활성화 (로그인 차단)", permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.filter(is_superuser=False).update(is_active=False)
        self.message_user(request, f"회원 {count}명을 비활성화했습니다.", messages.SUCCESS)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "version", "agreed_at", "withdrawn_at")
    list_filter = ("kind", "version")
    search_fields = ("user__username", "user__nickname")
    list_select_related = ("user",)
    readonly_fields = ("user", "kind", "document", "version", "agreed_at", "withdrawn_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
