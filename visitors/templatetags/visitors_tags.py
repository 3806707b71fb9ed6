from django import template

from .. import stats

register = template.Library()


@register.inclusion_tag("visitors/beacon.html", takes_context=True)
def visitor_beacon(context):
    """The counting request every page makes from the browser (and a <noscript> image).

    The page itself stays the same for everyone, so it can be cached; the count
    and the visitor cookie happen in the beacon's own response. An article page
    reports its id only when readers can see the article (not staff previews).
    The admin's 미리보기 of unsaved text (`preview` in the context) makes no request at all.
    """
    if context.get("preview"):
        return {"off": True}
    article = context.get("article")
    article_id = article.pk if article is not None and getattr(article, "is_public", False) else None
    return {"article_id": article_id}


@register.simple_tag
def visitor_figures():
    """현재접속자 and 오늘/어제/최대/전체 in one lookup, for visitors/online.html and visitors/totals.html:
    `{% visitor_figures as visitors %}`."""
    return stats.figures()


@register.simple_tag
def most_read_articles(limit=10):
    """많이 본 뉴스 for the home page: `{% most_read_articles as most_read %}`."""
    return stats.most_read(limit)
