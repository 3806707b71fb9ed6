from django import template

from lib.rendered import render_once

from .. import stats

register = template.Library()


@register.simple_tag(takes_context=True)
def visitor_beacon(context):
    """The counting request every page makes from the browser (and a <noscript> image).

    The page itself stays the same for everyone, so it can be cached; the count
    and the visitor cookie happen in the beacon's own response. An article page
    reports its id only when readers can see the article (not staff previews).
    The admin's 미리보기 of unsaved text (`preview` in the context) makes no request at all.
    """
    if context.get("preview"):
        return ""
    article = context.get("article")
    article_id = article.pk if article is not None and getattr(article, "is_public", False) else None
    return render_once("visitors/beacon.html", article_id=article_id)


@register.simple_tag(takes_context=True)
def footer_status(context):
    """The footer's live lines: the paper's name, today, 현재접속자 and 오늘/어제/최대/전체 (one lookup of the
    figures). Their HTML is made again only when one of them changes (lib.rendered)."""
    site = context["site"]
    return render_once(
        "visitors/footer_status.html",
        site_name=site.name,
        tagline=site.tagline,
        today=context["today"],
        figures=stats.figures(),
    )


@register.simple_tag
def most_read_articles(limit=10):
    """많이 본 뉴스 for the home page: `{% most_read_articles as most_read %}`."""
    return stats.most_read(limit)
