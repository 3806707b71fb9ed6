"""The admin app with the project's admin site (lib.korean_admin.KoreanAdminSite) as its default site.

Listed in INSTALLED_APPS instead of "django.contrib.admin" (Django's documented way to replace the
default site); kept apart from lib.korean_admin because it is imported before the models are ready.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig


class KoreanAdminConfig(AdminConfig):
    default_site = "lib.korean_admin.KoreanAdminSite"


class KoreanAxesConfig(AxesAppConfig):  # type: ignore[misc]  # django-axes ships no types
    """django-axes under a Korean name on the admin's first page (its models' names: locale/ko)."""

    verbose_name = "로그인 보안"
