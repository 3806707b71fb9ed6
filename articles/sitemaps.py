"""sitemap.xml (an index of the sections below) and the Google News sitemap.

Other apps add their own sections by defining `sitemaps = {"name": SitemapClass}`
in `<app>/sitemaps.py` (the directory's listings, the policy pages, the e-paper); they are
found by `all_sitemaps()`, so the core imports no feature app.
"""

import datetime
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from .models import Article, Group, Section, Tag

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class ArticleSitemap(Sitemap):
    limit = 10_000

    def items(self):
        return Article.objects.published().only("id", "updated_at", "published_at").order_by("-id")

    def lastmod(self, article):
        return max(article.updated_at, article.published_at)

    def get_latest_lastmod(self):
        # For the index: one aggregate instead of Django's default, which reads every article.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(Sitemap):
    """Group and section pages of articles and of the directory."""

    changefreq = "hourly"

    def items(self):
        return [*Group.objects.all(), *Section.objects.select_related("group")]


class ReporterSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        published = Article.objects.published()
        return (
            get_user_model()
            .objects.filter(Exists(published.filter(reporter=OuterRef("pk"))))
            .annotate(last_article=Max("articles__updated_at", filter=Q(articles__in=published)))
            .order_by("username")
        )

    def location(self, user):
        return reverse("articles:reporter", args=[user.username])

    def lastmod(self, user):
        return user.last_article


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        published = Article.objects.published()
        return (
            Tag.objects.filter(Exists(published.filter(tags=OuterRef("pk"))))
            .annotate(last_article=Max("articles__updated_at", filter=Q(articles__in=published)))
            .order_by("slug")
        )

    def lastmod(self, tag):
        return tag.last_article


class PageSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


class NewsSitemap(ArticleSitemap):
    """Articles published in the last two days, with the news: fields Google News reads."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("id", "title", "updated_at", "published_at")
            .order_by("-published_at", "-id")[:NEWS_LIMIT]
        )


CORE_SITEMAPS = {
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "reporters": ReporterSitemap,
    "tags": TagSitemap,
    "articles": ArticleSitemap,
}


def all_sitemaps():
    """The core's sitemap sections plus each installed app's `sitemaps` (see the module docstring)."""
    found = dict(CORE_SITEMAPS)
    for app_config in apps.get_app_configs():
        if app_config.name != "articles" and module_has_submodule(app_config.module, "sitemaps"):
            found.update(import_module(f"{app_config.name}.sitemaps").sitemaps)
    return found
