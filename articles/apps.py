from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "기사"

    def ready(self):
        from lib import pagecache

        from . import models
        from .views import forget_group_counts

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
        post_save.connect(forget_group_counts, sender=models.Article, dispatch_uid="articles:group-counts:save")
        post_delete.connect(forget_group_counts, sender=models.Article, dispatch_uid="articles:group-counts:delete")
