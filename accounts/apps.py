from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "회원"

    def ready(self):
        from . import backends, checks  # noqa: F401  (registers the login-failure counter and system checks)
