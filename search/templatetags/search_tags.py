from django import template
from django.urls import reverse

from articles import seo
from articles.templatetags.seo_tags import jsonld
from lib.urls import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    """schema.org WebSite with a SearchAction, so portals can offer a search box for the paper."""
    site = context["site"]
    search_url = absolute_url(reverse("search:search"))
    return jsonld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.name,
            "url": absolute_url("/"),
            "inLanguage": "ko-KR",
            "publisher": seo.publisher(site),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        }
    )
