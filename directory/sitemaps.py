from django.contrib.sitemaps import Sitemap

from .models import Listing


class ListingSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Listing.objects.published().only("id", "updated_at").order_by("id")

    def lastmod(self, listing):
        return listing.updated_at


sitemaps = {"directory": ListingSitemap}
