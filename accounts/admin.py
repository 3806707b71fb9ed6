from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "nickname", "email", "last_name", "first_name", "is_staff", "is_active", "date_joined")
    search_fields = ("username", "nickname", "email", "first_name", "last_name")
    fieldsets = DjangoUserAdmin.fieldsets + (("회원 정보", {"fields": ("nickname",)}),)
