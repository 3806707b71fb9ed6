from django.apps import AppConfig
from django.urls import reverse


def _group_url(group):
    return reverse("directory:index")


def _section_url(section):
    return reverse("directory:category", args=[section.slug])


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "우리동네업소소개"

    def ready(self):
        from articles.models import Group
        from lib import pagecache

        from .models import Listing, ListingPhoto

        pagecache.bump_on(Listing, ListingPhoto)

        # The 업소 소개 group and its sections are this app's pages (see Group.kind_urls).
        Group.kind_urls[Group.Kind.DIRECTORY] = (_group_url, _section_url)
