from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_page

from . import feeds, views
from .sitemaps import NewsSitemap, all_sitemaps

app_name = "articles"

SITEMAP_CACHE_SECONDS = 600

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("section/<slug:group>/", views.GroupView.as_view(), name="group"),
    path("section/<slug:group>/<slug:section>/", views.SectionView.as_view(), name="section"),
    path("article/<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("reporter/<str:username>/", views.ReporterView.as_view(), name="reporter"),
    path("tag/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("photo/", views.PhotoListView.as_view(), name="photo"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("editor/upload/", views.editor_upload, name="editor_upload"),
    # Permanent URLs: anything after the number, and the old engine's addresses, answer 301.
    path("article/<int:pk>/<path:rest>", views.ArticleRedirectView.as_view(), name="detail_redirect"),
    path("news/articleView.html", views.ArticleRedirectView.as_view(), name="legacy_article"),
    # Feeds (RSS 2.0)
    path("rss/", feeds.ArticleFeed(), name="feed"),
    path("rss/section/<slug:group>/", feeds.GroupFeed(), name="group_feed"),
    path("rss/section/<slug:group>/<slug:section>/", feeds.SectionFeed(), name="section_feed"),
    path("rss/reporter/<str:username>/", feeds.ReporterFeed(), name="reporter_feed"),
    path("rss/tag/<str:slug>/", feeds.TagFeed(), name="tag_feed"),
    # Sitemaps and robots.txt
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": all_sitemaps(), "sitemap_url_name": "articles:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        # Django's own template writes lastmod as a date; ours keeps the time (KST), which news needs.
        {"sitemaps": all_sitemaps(), "template_name": "sitemaps/sitemap.xml"},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="news_sitemap",
    ),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
