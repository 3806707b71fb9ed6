from django.apps import AppConfig


class AdsConfig(AppConfig):
    name = "ads"
    verbose_name = "광고 배너"

    def ready(self):
        from lib import pagecache

        from . import models

        pagecache.bump_on(models.Banner)
        pagecache.register_schedule(models.next_scheduled_change)
