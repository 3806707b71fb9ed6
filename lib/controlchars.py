"""Refuse requests whose path or query string carries a NUL or another control character.

No URL of the site has one, and PostgreSQL refuses NUL in text (a 500 deep in a view), so such a
request ends here with 400 and the site's own error page, before any view or database sees it.
Tabs and line breaks stay allowed in query values (a GET form's textarea); nothing else below 0x20,
nor DEL, is.
"""

import re
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")
_IN_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_chars(text: str, *, in_query: bool = False) -> bool:
    return bool((_IN_QUERY if in_query else _IN_PATH).search(text))


class RefuseControlCharsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_chars(request.path_info):
            raise BadRequest("control character in the path")
        for key, values in request.GET.lists():
            if has_control_chars(key, in_query=True) or any(has_control_chars(v, in_query=True) for v in values):
                raise BadRequest("control character in the query string")
        return self.get_response(request)
