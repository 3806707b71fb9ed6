"""The admin app with the project's admin site (lib.korean_admin.KoreanAdminSite) as its default site.

Listed in INSTALLED_APPS instead of "django.contrib.admin" (Django's documented way to replace the
default site); kept apart from lib.korean_admin because it is imported before the models are ready.
"""

from django.contrib.admin.apps import AdminConfig


class KoreanAdminConfig(AdminConfig):
    default_site = "lib.korean_admin.KoreanAdminSite"
