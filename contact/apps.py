from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = "제보·광고 문의"

    def ready(self):
        from lib import pagecache

        from .models import AdGuide

        pagecache.bump_on(AdGuide, on_create=False)
