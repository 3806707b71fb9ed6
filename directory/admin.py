from django import forms
from django.contrib import admin

from .models import Listing, ListingPhoto, directory_sections


class ListingPhotoInline(admin.TabularInline):
    model = ListingPhoto
    extra = 1
    fields = ("image", "alt", "order")


class ListingAdminForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = directory_sections().select_related("group")


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    form = ListingAdminForm
    inlines = [ListingPhotoInline]
    list_display = ("name", "category", "area", "phone", "is_paid", "is_published", "updated_at")
    list_filter = ("category", "is_paid", "is_published")
    list_editable = ("is_published",)
    list_select_related = ("category__group",)
    search_fields = ("name", "summary", "area", "address")
    fieldsets = (
        (None, {"fields": ("category", "name", "summary", "description")}),
        ("연락처와 위치", {"fields": ("area", "address", "phone", "hours", "website")}),
        ("게재", {"fields": ("is_paid", "is_published")}),
    )
