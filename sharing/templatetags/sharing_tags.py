from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator

from lib.urls import absolute_url as absolute

from ..links import share_links

register = template.Library()

DEFAULT_IMAGE = ("images/share-default.png", 1200, 630)


def _description(text):
    return Truncator(" ".join(text.split())).chars(160)


@register.inclusion_tag("sharing/share_bar.html")
def share_bar(article):
    """Facebook, X, KakaoStory, Band, Naver Blog and 링크 복사; KakaoTalk when KAKAO_JS_KEY is set."""
    url = absolute(article.get_absolute_url())
    return {
        "url": url,
        "title": article.title,
        "links": share_links(url, article.title),
        "kakao_key": settings.KAKAO_JS_KEY,
        "kakao_sdk_url": settings.KAKAO_JS_SDK_URL,
        "kakao_sdk_integrity": settings.KAKAO_JS_SDK_INTEGRITY,
    }


@register.inclusion_tag("sharing/link_preview.html", takes_context=True)
def link_preview(context):
    """Canonical URL, Open Graph and Twitter card for the page in `context`.

    An article page previews the article (its 1200×630 "share" rendition); a
    section or group page and the home page preview the list with the paper's
    default card.
    """
    site = context["site"]
    request = context.get("request")
    article = context.get("article")
    section = context.get("current_section")
    group = context.get("current_group")
    page = context.get("page_obj")
    image_path, width, height = DEFAULT_IMAGE
    image = absolute(static(image_path))
    preview = {"site_name": site.name, "type": "website"}
    if article is not None:
        rendition = article.rendition("share")
        if rendition:
            image, width, height = absolute(rendition[0]), rendition[1], rendition[2]
        preview.update(
            type="article",
            title=article.title,
            description=_description(article.summary or article.title),
            url=absolute(article.get_absolute_url()),
            image_alt=article.photo_alt if rendition else site.name,
            article=article,
        )
    else:
        url = request.path if request is not None else "/"
        if page is not None and page.number > 1:
            url += f"?page={page.number}"
        if section is not None:
            title = f"{section.name} - {section.group.name}"
            description = f"{site.name} {section.group.name} {section.name} 기사 목록"
        elif group is not None:
            title = group.name
            description = f"{site.name} {group.name} 기사 목록"
        else:
            title = site.name
            description = f"{site.name} - 파주의 소식을 전하는 지역신문"
        preview.update(title=title, description=description, url=absolute(url), image_alt=site.name)
    preview.update(image=image, image_width=width, image_height=height)
    return {"preview": preview}
