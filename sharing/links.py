"""Share-dialog addresses of the portals and social networks Korean readers use."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLink:
    slug: str
    name: str  # visible text
    label: str  # accessible name; begins with the visible text
    url: str


def _query(**params):
    # quote (not quote_plus): a space is %20 everywhere; "/", "&", "'" and '"' are escaped too.
    return urlencode(params, quote_via=quote, safe="")


def share_links(url, title):
    """Links to each network's share dialog for an absolute `url` with `title`."""
    band_body = f"{title}\n{url}"
    return [
        ShareLink(
            "facebook", "페이스북", "페이스북에 공유", f"https://www.facebook.com/sharer/sharer.php?{_query(u=url)}"
        ),
        ShareLink("x", "X", "X(트위터)에 공유", f"https://twitter.com/intent/tweet?{_query(text=title, url=url)}"),
        ShareLink(
            "kakaostory", "카카오스토리", "카카오스토리에 공유", f"https://story.kakao.com/share?{_query(url=url)}"
        ),
        ShareLink(
            "band",
            "밴드",
            "밴드(네이버 밴드)에 공유",
            f"https://band.us/plugin/share?{_query(body=band_body, route=url)}",
        ),
        ShareLink(
            "naverblog",
            "블로그",
            "블로그(네이버 블로그)에 공유",
            f"https://blog.naver.com/openapi/share?{_query(url=url, title=title)}",
        ),
    ]
