from django import template
from django.conf import settings

from lib.urls import absolute_url as absolute

from ..links import share_links

register = template.Library()


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
