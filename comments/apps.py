from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "댓글"

    def ready(self):
        from lib import pagecache

        from .models import Comment

        pagecache.bump_on(Comment)
