from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import DetailView, RedirectView

from .models import Document, SiteSettings

THEME_COLOUR = "#0a3d7a"  # --brand in static/css/site.css


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on their own: the static icon, never the HTML 404 page."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("icons/favicon.ico")


def web_manifest(request):
    """The web app manifest: the paper's name, theme colour and icons (static/icons/, made by make_icons)."""
    site = SiteSettings.load()
    data = {
        "name": site.name,
        "short_name": site.name,
        "description": f"{site.name} - {site.tagline} 파주 지역신문",
        "lang": "ko",
        "start_url": reverse("articles:home"),
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


class DocumentView(DetailView):
    """A footer page: the version in force today, or an earlier version from its history."""

    template_name = "pages/document.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        kind = self.kwargs["kind"]
        if kind not in Document.Kind.values:
            raise Http404
        documents = Document.objects.in_force().filter(kind=kind)
        if "version" in self.kwargs:
            return get_object_or_404(documents, version=self.kwargs["version"])
        document = Document.objects.current(kind)
        if document is None:
            raise Http404
        return document

    def get_context_data(self, **kwargs):
        versions = list(
            Document.objects.in_force()
            .filter(kind=self.object.kind)
            .order_by("-effective_on", "-id")
            .only("kind", "version", "effective_on")
        )
        return super().get_context_data(
            versions=versions,
            is_current=bool(versions) and versions[0].pk == self.object.pk,
            **kwargs,
        )
