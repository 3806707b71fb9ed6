from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "사이트 정보"

    def ready(self):
        from lib import pagecache

        from .models import Document, SiteSettings

        pagecache.bump_on(SiteSettings, on_create=False)
        pagecache.bump_on(Document)
