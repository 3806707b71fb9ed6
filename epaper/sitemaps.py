from django.contrib.sitemaps import Sitemap

from .models import Edition


class EditionSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Edition.objects.published().order_by("-id")

    def lastmod(self, edition):
        return edition.created_at


sitemaps = {"epaper": EditionSitemap}
