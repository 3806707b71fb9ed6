"""Gnuboard5's addresses answer 301 to where the same post or board lives now, so old links keep working."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import is_valid_path, reverse

from articles.models import Section

from .models import SourceRow

Kind = SourceRow.Kind


def _post(board, wr_id="", seo_title=""):
    rows = SourceRow.objects.filter(board=board)
    if wr_id:
        if not wr_id.isdigit() or len(wr_id) > 18:
            raise Http404
        row = rows.filter(kind__in=[Kind.POST, Kind.COMMENT], source_id=wr_id).first()
    else:
        row = rows.filter(kind=Kind.POST, seo_title=seo_title).first()
    if row is None:
        raise Http404
    if row.kind == Kind.COMMENT:
        url = reverse("articles:detail", args=[row.article_id]) + f"#comment-{row.target_id}"
    else:
        url = reverse("articles:detail", args=[row.target_id])
    return HttpResponsePermanentRedirect(url)


def _board(board):
    row = get_object_or_404(SourceRow, kind=Kind.BOARD, board="", source_id=board)
    section = get_object_or_404(Section.objects.select_related("group"), pk=row.target_id)
    return HttpResponsePermanentRedirect(section.get_absolute_url())


def board_php(request):
    """bbs/board.php?bo_table=<board>&wr_id=<id> (a post, or a comment's id) or ?bo_table=<board> (the list)."""
    board = request.GET.get("bo_table", "")
    wr_id = request.GET.get("wr_id", "")
    seo_title = request.GET.get("wr_seo_title", "")
    if not board:
        raise Http404
    if wr_id or seo_title:
        return _post(board, wr_id=wr_id, seo_title=seo_title)
    return _board(board)


def _or_slash(request, answer):
    """The short forms (/notice, /notice/12) match addresses like /admin too: those still get their slash."""
    try:
        return answer()
    except Http404:
        match = is_valid_path(request.path_info + "/")
        if settings.APPEND_SLASH and match and match.namespace != "gnuboard":
            return HttpResponsePermanentRedirect(request.get_full_path().replace(request.path, request.path + "/", 1))
        raise


def short_board(request, board):
    return _or_slash(request, lambda: _board(board))


def short_post(request, board, wr_id):
    return _or_slash(request, lambda: _post(board, wr_id=wr_id))


def short_seo_post(request, board, seo_title):
    return _post(board, seo_title=seo_title)
