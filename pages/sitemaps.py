from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Document


class DocumentSitemap(Sitemap):
    """The version in force of each footer page (회사소개, 약관, 개인정보처리방침 …)."""

    changefreq = "monthly"
    priority = 0.3

    def items(self):
        in_force = Document.objects.in_force().order_by("kind", "-effective_on", "-id")
        current = {}
        for document in in_force:
            current.setdefault(document.kind, document)
        return list(current.values())

    def location(self, document):
        return reverse("pages:document", args=[document.kind])

    def lastmod(self, document):
        return document.updated_at


sitemaps = {"policies": DocumentSitemap}
