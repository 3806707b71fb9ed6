"""RSS 2.0 feeds of published articles: the whole site, a group, a section, a reporter.

Each feed is `ArticleFeed` plus how it finds its object and narrows the
articles, so a new kind of feed (for example a tag) is a few lines:
`get_object` returns the tag, `filter_articles` does `.filter(tags=obj)`,
and `feed_title` names it.
"""

import mimetypes

from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape

from pages.models import SiteSettings

from .models import Article, Group, Section, Tag
from .seo import absolute_url

FEED_SIZE = 30


class ArticleFeed(Feed):
    """The newest published articles of the whole site."""

    language = "ko"

    def filter_articles(self, obj, articles):
        return articles

    def feed_title(self, obj):
        return "전체 기사"

    def items(self, obj):
        articles = Article.objects.published().for_list().select_related("reporter__reporter_profile")
        return self.filter_articles(obj, articles)[:FEED_SIZE]

    def title(self, obj):
        return escape(f"{SiteSettings.load().name} - {self.feed_title(obj)}")

    def link(self, obj):
        return obj.get_absolute_url() if obj is not None else "/"

    def description(self, obj):
        site = SiteSettings.load()
        return escape(f"{site.name} {self.feed_title(obj)}: {site.tagline} 파주 지역신문")

    # Titles and summaries are plain text, but feed readers read <title> and <description> as HTML:
    # escape them once here, and the feed framework escapes the result again for XML, so
    # `<b>` typed in a summary reaches the reader as the text "<b>", never as a tag.
    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.summary or item.subtitle or item.title)

    def item_author_name(self, item):
        return item.byline_name

    def item_author_email(self, item):
        # The address the reporter page shows: the public one when the reporter has chosen one.
        profile = getattr(item.reporter, "reporter_profile", None)
        return (profile.email if profile else item.reporter.email) or None

    def item_categories(self, item):
        return [item.section.group.name, item.section.name]

    def item_pubdate(self, item):
        # In KST, so the feed says +0900 as the paper's pages do.
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.updated_at)

    def item_enclosures(self, item):
        rendition = item.rendition("share")
        if not rendition:
            return []
        url, _width, _height = rendition
        path = item.photo_renditions["share"][0]
        try:
            length = item.photo.storage.size(path)
        except OSError:
            length = 0
        mime_type = mimetypes.guess_type(path)[0] or "image/jpeg"
        return [Enclosure(absolute_url(url), str(length), mime_type)]


class GroupFeed(ArticleFeed):
    def get_object(self, request, group):
        return get_object_or_404(Group, slug=group, kind=Group.Kind.ARTICLES)

    def filter_articles(self, obj, articles):
        return articles.filter(section__in=obj.sections.values("pk"))

    def feed_title(self, obj):
        return obj.name


class SectionFeed(ArticleFeed):
    def get_object(self, request, group, section):
        return get_object_or_404(
            Section.objects.select_related("group"), slug=section, group__slug=group, group__kind=Group.Kind.ARTICLES
        )

    def filter_articles(self, obj, articles):
        return articles.filter(section=obj)

    def feed_title(self, obj):
        return f"{obj.group.name} › {obj.name}"


class ReporterFeed(ArticleFeed):
    def get_object(self, request, username):
        return get_object_or_404(get_user_model(), username=username, is_staff=True)

    def filter_articles(self, obj, articles):
        return articles.by_reporter(obj)

    def feed_title(self, obj):
        return f"{obj.display_name} 기자"

    def link(self, obj):
        return reverse("articles:reporter", args=[obj.username])


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def filter_articles(self, obj, articles):
        return articles.filter(tags=obj)

    def feed_title(self, obj):
        return f"#{obj.name}"
