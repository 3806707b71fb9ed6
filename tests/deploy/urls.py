"""The site's URLs plus two test-only pages for the nginx front's test.

/_front/cached/ is the real home page answered with `Cache-Control: public, s-maxage=30`
(what a public page says once it is cacheable); /_front/uncached/ answers
`Cache-Control: private` (what members get; lib/pagecache.py makes every other anonymous 200 public). Each counts the requests that reached the app.
"""

from django.http import HttpResponse
from django.urls import path, resolve
from django.utils.cache import patch_cache_control

from firstnews.urls import urlpatterns as site_urlpatterns

hits = {"cached": 0, "uncached": 0}


def cached_home(request):
    hits["cached"] += 1
    response = resolve("/", urlconf="firstnews.urls").func(request)
    response.render()
    patch_cache_control(response, public=True, s_maxage=30)
    response["X-App-Hit"] = str(hits["cached"])
    return response


def uncached(request):
    hits["uncached"] += 1
    response = HttpResponse(
        "<!doctype html><title>x</title><p>" + "기사 " * 400, content_type="text/html; charset=utf-8"
    )
    patch_cache_control(response, private=True)
    return response


urlpatterns = [
    path("_front/cached/", cached_home),
    path("_front/uncached/", uncached),
    *site_urlpatterns,
]
