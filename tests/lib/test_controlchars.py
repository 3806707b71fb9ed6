"""A NUL or another control character in any path parameter or query parameter is a 400, never a 500."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

_ROUTE_PARAM = re.compile(r"<[^>]+>")
_REGEX_GROUP = re.compile(r"\((?:\?P<\w+>)?[^()]*\)")


def _pattern_text(pattern, filler):
    """One pattern's part of a path, with `filler` in every parameter."""
    if hasattr(pattern, "_route"):
        return _ROUTE_PARAM.sub(filler, str(pattern._route))
    regex = str(pattern._regex).lstrip("^").rstrip("$").replace("\\Z", "")
    return _REGEX_GROUP.sub(filler, regex).replace("\\.", ".").replace("\\", "")


def every_path(filler, resolver=None, prefix=""):
    """Every URL pattern of the site, each parameter replaced by `filler` (patterns without one once)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        text = prefix + _pattern_text(entry.pattern, filler)
        if isinstance(entry, URLResolver):
            yield from every_path(filler, entry, text)
        elif isinstance(entry, URLPattern):
            yield "/" + text


def test_the_walk_covers_the_site():
    paths = set(every_path("%00"))
    assert len(paths) > 100  # the admin alone has dozens
    for expected in (
        "/tag/%00/",
        "/reporter/%00/",
        "/rss/tag/%00/",
        "/rss/reporter/%00/",
        "/page/%00/v/%00/",
        "/captcha/image/%00/",
    ):
        assert expected in paths


@pytest.mark.parametrize("char", ["%00", "%01", "%1f", "%7f"])
def test_no_url_answers_500_to_a_control_character(client, char):
    """Every pattern with the character in each parameter, and with plain parameters but the character
    in the query string: 400 (the site's page), never a 500 (the test client re-raises a view's error)."""
    for path in sorted(p for p in set(every_path(char)) if char in p):
        response = client.get(path)
        assert response.status_code in (400, 404), path
    for path in sorted(set(every_path("1"))):
        response = client.get(path, QUERY_STRING=f"q={char}&area={char}&page={char}&next=%2F{char}")
        assert response.status_code == 400, path
        response = client.get(path, QUERY_STRING=f"{char}=1")
        assert response.status_code == 400, path


@pytest.mark.parametrize(
    "url",
    [
        "/directory/search/?q=%00",
        "/directory/search/?area=%00",
        "/tag/%00/",
        "/reporter/%00/",
        "/rss/tag/%00/",
        "/rss/reporter/%00/",
        "/page/terms/v/%00/",
        "/search/?q=a%00b",
    ],
)
def test_the_reported_urls_answer_400_with_the_site_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "잘못된 요청입니다" in response.content.decode()


def test_tabs_and_line_breaks_stay_allowed_in_query_values(client):
    assert client.get("/search/", {"q": "장단콩\t축제\r\n"}).status_code == 200
