"""The Content-Security-Policy (django-csp), with the one place where the policy differs by page.

Public pages get the strict policy of settings.CONTENT_SECURITY_POLICY: scripts and styles from our own
origin only, no inline code. The admin's own templates and CKEditor 5 (which injects its styles as
<style> elements) need inline styles, so under the admin's prefix style-src also allows
'unsafe-inline'; scripts stay 'self' there too.
"""

from typing import Any

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest
from django.http.response import HttpResponseBase

INLINE_STYLES_UNDER = ("/admin/",)


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # Our pages, images and files are for our own site and its subdomains to load (sharing and
        # search engines fetch them as top-level requests, which this does not limit).
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-site")
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(INLINE_STYLES_UNDER):
            update: dict[str, Any] = dict(parts.update or {})
            update["style-src"] = [*update.get("style-src", []), UNSAFE_INLINE]
            parts.update = update
        return parts
