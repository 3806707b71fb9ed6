import base64
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lib import ratelimit
from lib.netaddr import client_ip

from . import identity
from .services import hit_record, seen_today

# A 1×1 transparent GIF for the <noscript> image.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _may_be_new(request, candidate):
    """One address gets at most VISITORS_NEW_PER_ADDRESS new identities a day (enough for a school or an
    office behind one address), whatever cookie or user agent it sends: a missing, forged or invented
    cookie and a new user agent all ask for a new identity. A cookieless browser already counted today
    is not new. Past the cap, the address's hits count as one visitor."""
    if candidate.identity.startswith("a:") and seen_today(candidate):
        return True
    key = f"{client_ip(request)}|{timezone.localdate()}"
    return ratelimit.hit("visitors.new-per-address", key, settings.VISITORS_NEW_PER_ADDRESS, 24 * 60 * 60)


def _article_id(raw):
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


@csrf_exempt  # it only counts: no session, account or content is changed, so a forged hit is just a hit
@never_cache
@require_http_methods(["GET", "POST"])
def beacon(request):
    """Count the page view the browser reports. Pages carry no cookie; this answer sets the visitor's."""
    data = request.POST if request.method == "POST" else request.GET
    response = HttpResponse(status=204) if request.method == "POST" else HttpResponse(PIXEL, content_type="image/gif")
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    if identity.is_crawler(user_agent):
        return response
    user_id = request.user.pk if request.user.is_authenticated else None
    address = client_ip(request) or ""
    visitor_id = identity.cookie_id(request)
    if visitor_id is not None:
        visitor = identity.Visitor.from_cookie(visitor_id, user_id)
    else:
        # No cookie of ours. A browser that keeps none (it told us) is its address and user agent;
        # any other gets a new signed id. Either is a new identity, under the address's cap.
        keeps_cookies = data.get("nc") != "1"
        if keeps_cookies:
            visitor_id = identity.new_cookie_id()
            visitor = identity.Visitor.from_cookie(visitor_id, user_id)
        else:
            visitor = identity.Visitor.from_address(address, user_agent, user_id)
        if not _may_be_new(request, visitor):
            visitor_id = None
            visitor = identity.Visitor.from_address(address, "", user_id)  # the address alone, any agent
    if visitor_id is not None:
        response.set_cookie(
            identity.COOKIE_NAME,
            identity.cookie_value(visitor_id),
            max_age=identity.COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    own_hosts = {request.get_host().split(":")[0].lower(), (urlsplit(settings.SITE_URL).hostname or "").lower()}
    hit_record(
        visitor=visitor,
        article_id=_article_id(data.get("a", "")),
        referrer=identity.referrer_domain(data.get("r", "")[:500], own_hosts),
    )
    return response
