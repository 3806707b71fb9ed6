import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles import seo
from lib.rendered import render_once

register = template.Library()

# As django.utils.html.json_script: JSON cannot close the <script> element or open a comment.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld(data):
    """A <script type="application/ld+json"> element holding `data`, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 escaped above


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """NewsArticle and BreadcrumbList JSON-LD for an article page."""
    site = context["site"]
    return jsonld(seo.news_article(article, site)) + jsonld(seo.breadcrumbs(article))


@register.simple_tag(takes_context=True)
def page_meta_tags(context):
    """Canonical URL, Open Graph and Twitter card: the `page_meta` the view declared, else the paper's card
    (the same meta, the same HTML: made once per process, lib.rendered)."""
    meta = context.get("page_meta") or seo.list_page_meta(context.get("request"), page=context.get("page_obj"))
    return render_once("includes/page_meta.html", meta=meta, site_name=context["site"].name)


@register.simple_tag(takes_context=True)
def site_verification(context):
    """The meta tags Naver Search Advisor and Google Search Console check, when 사이트 정보 has their codes."""
    site = context["site"]
    tags = [
        ("naver-site-verification", site.naver_site_verification),
        ("google-site-verification", site.google_site_verification),
    ]
    return format_html_join("\n  ", '<meta name="{}" content="{}">', [(name, code) for name, code in tags if code])
