"""What portals and search engines read about articles: schema.org JSON-LD (URLs via lib.urls)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from lib import pagemeta
from lib.urls import absolute_url
from pages.models import SiteSettings

LOGO = "images/logo.png"
LOGO_SIZE = (600, 60)


def _kst(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def publisher(site):
    width, height = LOGO_SIZE
    return {
        "@type": "NewsMediaOrganization",
        "name": site.name,
        "url": absolute_url("/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(static(LOGO)), "width": width, "height": height},
    }


def news_article(article, site):
    """schema.org NewsArticle for an article page."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title[:110],
        "description": article.summary or article.subtitle or article.title,
        "inLanguage": "ko-KR",
        "datePublished": _kst(article.published_at),
        "dateModified": _kst(max(article.updated_at, article.published_at)),
        "author": [
            {
                "@type": "Person",
                "name": article.byline_name,
                "url": absolute_url(reverse("articles:reporter", args=[article.reporter.username])),
            }
        ],
        "publisher": publisher(site),
        "articleSection": article.section.name,
    }
    images = [article.rendition(name) for name in ("share", "large", "medium")]
    if images[0]:
        data["image"] = [absolute_url(image[0]) for image in images if image]
    return data


def breadcrumbs(article):
    """schema.org BreadcrumbList: 홈 › group › section › article, as the page's breadcrumb and title."""
    section = article.section
    trail = [
        ("홈", reverse("articles:home")),
        (section.group.name, section.group.get_absolute_url()),
        (section.name, section.get_absolute_url()),
        (article.title, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def article_page_meta(article):
    """An article page previews the article, with its 1200×630 "share" rendition when it has a photo."""
    rendition = article.rendition("share")
    if rendition:
        image, width, height = absolute_url(rendition[0]), rendition[1], rendition[2]
        image_alt = article.photo_alt
    else:
        image, width, height = pagemeta.default_image()
        image_alt = SiteSettings.load().name
    return pagemeta.PageMeta(
        type="article",
        title=article.title,
        description=pagemeta.describe(article.summary or article.title),
        url=absolute_url(article.get_absolute_url()),
        image=image,
        image_width=width,
        image_height=height,
        image_alt=image_alt,
        published=article.published_at,
        modified=article.updated_at,
        section=article.section.name,
    )


def list_page_meta(request, group=None, section=None, page=None):
    """A list of a group's or a section's articles (or listings), or any page that declares nothing else."""
    site_name = SiteSettings.load().name
    if section is not None:
        title = f"{section.name} - {section.group.name}"
        description = f"{site_name} {section.group.name} {section.name} 기사 목록"
    elif group is not None:
        title = group.name
        description = f"{site_name} {group.name} 기사 목록"
    else:
        title = site_name
        description = f"{site_name} - 파주의 소식을 전하는 지역신문"
    url = pagemeta.page_url(request, page.number if page is not None else None)
    return pagemeta.website(url, title, description, site_name)
