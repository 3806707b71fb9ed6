"""The allow-list every piece of editor HTML passes through before it is stored."""

import re
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "mark",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "hr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
    "figure",
    "figcaption",
    "img",
    "iframe",
    "div",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "title"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen", "allow"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_CLASSES = {"figure": {"image", "table", "media", "image-style-side", "image_resized"}}

# Video hosts whose players may be embedded; YouTube is switched to its privacy-enhanced host.
VIDEO_HOSTS = {
    "www.youtube-nocookie.com",
    "www.youtube.com",
    "youtube.com",
    "player.vimeo.com",
    "tv.naver.com",
    "play-tv.kakao.com",
}

_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>\s*</iframe>")


def _safe_srcset(value: str) -> str | None:
    """Keep a srcset only when every candidate is a web or site-relative address (no data: or javascript:)."""
    for candidate in value.split(","):
        url = candidate.strip().split(" ")[0]
        scheme = urlsplit(url).scheme
        if not url or scheme not in ("", "http", "https") or url.startswith("//"):
            return None
    return value


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "srcset":
        return _safe_srcset(value)
    if tag == "iframe" and attribute == "src":
        parts = urlsplit(value)
        if parts.scheme != "https" or parts.hostname not in VIDEO_HOSTS:
            return None
        if parts.hostname in ("www.youtube.com", "youtube.com"):
            return parts._replace(netloc="www.youtube-nocookie.com").geturl()
    return value


def sanitize_html(html: str | None) -> str:
    """Keep text structure, links, images, tables and allow-listed video players; drop the rest."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
        set_tag_attribute_values={"img": {"loading": "lazy", "decoding": "async"}},
        strip_comments=True,
    )
    return _EMPTY_IFRAME.sub("", cleaned)
