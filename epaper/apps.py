from django.apps import AppConfig


class EpaperConfig(AppConfig):
    name = "epaper"
    verbose_name = "지면보기"

    def ready(self):
        from lib import pagecache

        from .models import Edition

        pagecache.bump_on(Edition)
