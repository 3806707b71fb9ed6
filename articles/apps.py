from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "기사"

    def ready(self):
        from lib import pagecache

        from . import models

        pagecache.bump_on(
            models.Group,
            models.Section,
            models.Tag,
            models.Article,
            models.Byline,
            models.ReporterProfile,
            models.Correction,
            models.FrontPagePin,
            models.BreakingNews,
        )
        pagecache.register_schedule(models.next_scheduled_change)
