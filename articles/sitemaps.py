"""sitemap.xml (an index of the sections below) and the Google News sitemap.

Other apps add their own sections by defining `sitemaps = {"name": SitemapClass}`
in `<app>/sitemaps.py` (the directory's listings, the policy pages, the e-paper); they are
found by `all_sitemaps()`, so the core imports no feature app.
"""

import datetime
from functools import cached_property
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page
from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from .models import Article, Group, Section, Tag

NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


class IdRangePaginator:
    """A sitemap's pages as ranges of ids, newest first: page n holds the articles with ids in
    (top - n·limit, top - (n-1)·limit]. Page 500 costs what page 1 costs (one range of the primary key),
    and counting pages reads one index entry; a range whose articles are all unpublished is an empty page."""

    def __init__(self, items, limit):
        self.items = items
        self.limit = limit
        self.top = items.aggregate(top=Max("id"))["top"] or 0

    @property
    def num_pages(self):
        return max(1, -(-self.top // self.limit))

    def page(self, number):
        number = int(number)
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        high = self.top - (number - 1) * self.limit
        return Page(list(self.items.filter(id__gt=high - self.limit, id__lte=high)), number, self)


class ArticleSitemap(Sitemap):
    # Rendering 10,000 URLs took 7 s on a loaded 2-core machine; 1,000 a page keeps a page under a
    # second and the index at 1,000 entries for a million articles (it may hold 50,000).
    limit = 1_000

    def items(self):
        return Article.objects.published().only("id", "updated_at", "published_at").order_by("-id")

    @cached_property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def lastmod(self, article):
        return max(article.updated_at, article.published_at)

    def get_latest_lastmod(self):
        # For the index: the newest change, read from the end of article_updated (not every article).
        return self.items().order_by("-updated_at").values_list("updated_at", flat=True).first()


class SectionSitemap(Sitemap):
    """Group and section pages of articles and of the directory."""

    changefreq = "hourly"

    def items(self):
        return [*Group.objects.all(), *Section.objects.select_related("group")]


def newest_change(articles):
    """The latest change of the newest of `articles`, as a subquery: one walk of a list index per row,
    where Max(updated_at) over all of them read every article of a reporter or tag."""
    return Subquery(articles.order_by("-published_at", "-id").values("updated_at")[:1])


class ReporterSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        published = Article.objects.published()
        return (
            get_user_model()
            .objects.filter(is_staff=True)
            .annotate(last_article=newest_change(published.filter(reporter=OuterRef("pk"))))
            .filter(last_article__isnull=False)
            .order_by("username")
        )

    def location(self, user):
        return reverse("articles:reporter", args=[user.username])

    def lastmod(self, user):
        return user.last_article


class TagSitemap(Sitemap):
    """Tags with a published article. No lastmod: a tag's newest article is a sort of all of its
    articles (hundreds each, for every tag), 1.7 s at a million articles; changefreq says enough."""

    changefreq = "daily"

    def items(self):
        return Tag.objects.filter(Exists(Article.objects.published().filter(tags=OuterRef("pk")))).order_by("slug")


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
    paginator = Sitemap.paginator  # at most NEWS_LIMIT rows: Django's own pages
    get_latest_lastmod = Sitemap.get_latest_lastmod

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
