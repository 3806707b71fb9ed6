from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from pages import views as pages_views

admin.site.site_header = "퍼스트신문 편집국"
admin.site.site_title = "퍼스트신문 편집국"
admin.site.index_title = "기사와 사이트 관리"
admin.site.enable_nav_sidebar = False  # the article list needs the width more than a second menu

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", pages_views.FaviconView.as_view(), name="favicon"),
    path("manifest.webmanifest", pages_views.web_manifest, name="web_manifest"),
    path("directory/", include("directory.urls")),
    path("epaper/", include("epaper.urls")),
    path("ads/", include("ads.urls")),
    path("accounts/", include("accounts.urls")),
    path("captcha/", include("accounts.captcha_urls")),
    path("page/", include("pages.urls")),
    path("contact/", include("contact.urls")),
    path("search/", include("search.urls")),
    path("comments/", include("comments.urls")),
    path("v/", include("visitors.urls")),
    path("", include("articles.urls")),
    # Last: Gnuboard5's old addresses (bbs/board.php and its short forms) of imported boards and posts.
    path("", include("gnuboard.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# 503 with Retry-After while the database or Redis cannot be reached; the plain 500 page otherwise.
handler500 = "pages.errors.server_error"
