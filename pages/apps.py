from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "사이트 정보"

    def ready(self):
        from lib import pagecache

        from .models import Document, SiteSettings

        pagecache.bump_on(SiteSettings, on_create=False)
        SiteSettings.read_ahead()  # every page shows the masthead and footer
        pagecache.bump_on(Document)
