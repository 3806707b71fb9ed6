from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from articles.seo import article_page_meta
from lib.netaddr import client_ip

from . import services
from .forms import CommentEditForm, CommentForm, CommentReportForm
from .models import Comment


def _comments_of_published_articles():
    return Comment.objects.filter(article__in=Article.objects.published()).select_related("article", "author")


@require_POST
@login_required
def post(request, article_pk):
    """Post a comment or reply; without JavaScript the answer is the article at the new comment."""
    article = get_object_or_404(Article.objects.published(), pk=article_pk)
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = (
            Comment.objects.filter(pk=form.cleaned_data["parent"], article=article).select_related("author").first()
        )
        if parent is None:
            form.add_error(None, "답글을 달 댓글을 찾을 수 없습니다.")
    status = 200
    if form.is_valid():
        if services.address_over_limit(client_ip(request) or ""):
            form.add_error(None, "이 네트워크에서 댓글이 너무 많이 등록되었습니다. 잠시 뒤에 다시 시도하세요.")
            status = 429
        else:
            try:
                comment = services.comment_create(
                    article=article,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    parent=parent,
                    token=form.cleaned_data["token"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                services.count_address_post(client_ip(request) or "")
                return redirect(comment.get_absolute_url())
    return render(
        request,
        "comments/comment_form.html",
        {"article": article, "page_meta": article_page_meta(article), "form": form, "parent": parent},
        status=status,
    )


@require_GET
@login_required
def reply(request, pk):
    """The reply form on a page of its own, for browsers without JavaScript."""
    parent = get_object_or_404(_comments_of_published_articles().filter(status=Comment.Status.VISIBLE), pk=pk)
    form = CommentForm(initial={"parent": parent.pk})
    return render(
        request,
        "comments/comment_form.html",
        {"article": parent.article, "page_meta": article_page_meta(parent.article), "form": form, "parent": parent},
    )


@login_required
def edit(request, pk):
    comment = get_object_or_404(
        _comments_of_published_articles().filter(status=Comment.Status.VISIBLE), pk=pk, author=request.user
    )
    form = CommentEditForm(request.POST if request.method == "POST" else None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(comment=comment, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "comments/comment_edit.html",
        {"article": comment.article, "page_meta": article_page_meta(comment.article), "comment": comment, "form": form},
    )


@login_required
def delete(request, pk):
    comment = get_object_or_404(_comments_of_published_articles(), pk=pk, author=request.user)
    if request.method == "POST":
        services.comment_delete(comment=comment, author=request.user)
        messages.success(request, "댓글을 삭제했습니다.")
        return redirect(comment.article.get_absolute_url() + "#comments")
    return render(
        request,
        "comments/comment_delete.html",
        {"article": comment.article, "page_meta": article_page_meta(comment.article), "comment": comment},
    )


@login_required
def report(request, pk):
    comment = get_object_or_404(_comments_of_published_articles().exclude(author=request.user), pk=pk)
    form = CommentReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_report(comment=comment, reporter=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "신고가 접수되었습니다. 데스크에서 검토합니다.")
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "comments/comment_report.html",
        {"article": comment.article, "page_meta": article_page_meta(comment.article), "comment": comment, "form": form},
    )
