from django import template

from articles.models import Article, ReviewStep

register = template.Library()

DESK_ROWS = 20


@register.simple_tag
def newsroom_desk(user):
    """What waits for this person on the admin's first page: the review queue for the desk,
    and for reporters what the desk last did to their articles."""
    queue = None
    if user.has_perm("articles.publish_article"):
        queue = list(
            Article.objects.filter(status=Article.Status.REVIEW)
            .select_related("section", "reporter")
            .defer("body")
            .order_by("updated_at")[:DESK_ROWS]
        )
    mine = list(
        ReviewStep.objects.filter(article__reporter=user)
        .exclude(actor=user)
        .exclude(action=ReviewStep.Action.SUBMITTED)
        .select_related("article", "actor")
        .defer("article__body")[:10]
    )
    return {"queue": queue, "mine": mine}
