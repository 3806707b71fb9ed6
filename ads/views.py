import base64

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lib import ratelimit
from lib.netaddr import client_ip

from . import counters, slots
from .models import Banner

# The smallest transparent GIF, answered to every impression beacon.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _first_today(kind, request, pk):
    """One click and one impression per banner, address and KST day: advertisers are told readers,
    not reloads or scripts."""
    return ratelimit.hit(f"ads.{kind}", f"{client_ip(request)}|{pk}|{timezone.localdate()}", 1, 24 * 60 * 60)


@never_cache
@require_GET
def click(request, pk):
    """Count a click and go to the banner's stored address: nothing in the request can change where."""
    link_url = get_object_or_404(Banner.objects.values_list("link_url", flat=True), pk=pk)
    if _first_today("click", request, pk):
        counters.record("clicks", pk)
    response = HttpResponseRedirect(link_url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "origin"
    return response


@never_cache
@require_GET
def impression(request, pk):
    """The 1×1 beacon a page loads with each banner, so cached pages still count every showing."""
    # Only banners currently on show are counted, so made-up ids cannot fill the cache.
    if slots.is_known(pk) and _first_today("impression", request, pk):
        counters.record("impressions", pk)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
