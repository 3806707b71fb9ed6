from django.urls import path, re_path

from . import views

app_name = "gnuboard"

# Included last: the short forms only answer addresses nothing else on the site claims.
urlpatterns = [
    path("bbs/board.php", views.board_php, name="board_php"),
    re_path(r"^(?P<board>[0-9a-zA-Z_]{1,20})$", views.short_board, name="short_board"),
    re_path(r"^(?P<board>[0-9a-zA-Z_]{1,20})/(?P<wr_id>[0-9]{1,18})$", views.short_post, name="short_post"),
    re_path(r"^(?P<board>[0-9a-zA-Z_]{1,20})/(?P<seo_title>[^/]+)/$", views.short_seo_post, name="short_seo_post"),
]
