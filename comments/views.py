from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from articles.seo import article_page_meta
from lib import ratelimit
from lib.netaddr import client_ip

from . import services
from .forms import CommentEditForm, CommentForm, CommentReportForm
from .models import Comment, CommentVote
from .threads import location_of

VOTE_VALUES = {"like": CommentVote.Value.LIKE, "dislike": CommentVote.Value.DISLIKE}
VOTE_NAMES = {value: name for name, value in VOTE_VALUES.items()}


def _comments_of_published_articles():
    return Comment.objects.filter(article__in=Article.objects.published()).select_related("article", "author")


@require_POST
@login_required
def post(request, article_pk):
    """Post a comment or reply; without JavaScript the answer is the article at the new comment."""
    article = get_object_or_404(Article.objects.published(), pk=article_pk)
    address = client_ip(request) or ""
    # Past the per-address limit the form asks for the numeric captcha; a right answer lets the comment through.
    form = CommentForm(request.POST, captcha=services.address_over_limit(address))
    parent = None
    if form.is_valid() and form.cleaned_data["parent"]:
        parent = (
            Comment.objects.filter(pk=form.cleaned_data["parent"], article=article).select_related("author").first()
        )
        if parent is None:
            form.add_error(None, "답글을 달 댓글을 찾을 수 없습니다.")
    if form.is_valid():
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
            services.count_address_post(address)
            return redirect(location_of(comment))
    return render(
        request,
        "comments/comment_form.html",
        {"article": article, "page_meta": article_page_meta(article), "form": form, "parent": parent},
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
            return redirect(location_of(comment))
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
            return redirect(location_of(comment))
    return render(
        request,
        "comments/comment_report.html",
        {"article": comment.article, "page_meta": article_page_meta(comment.article), "comment": comment, "form": form},
    )


@require_GET
def permalink(request, pk):
    """/comments/<id>/: the article's comment page that holds the comment, at the comment."""
    return redirect(location_of(get_object_or_404(_comments_of_published_articles(), pk=pk)))


@require_POST
def vote(request, pk):
    """공감/비공감: the same choice again withdraws it. A form post comes back to the comment; a fetch
    (Accept: application/json) gets the new counts."""
    comment = get_object_or_404(_comments_of_published_articles(), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(comment.get_absolute_url())
    wants_json = "application/json" in request.headers.get("Accept", "")
    value = VOTE_VALUES.get(request.POST.get("value", ""))
    status = 200
    try:
        if value is None:
            raise ValidationError("공감 또는 비공감을 고르세요.")
        if not ratelimit.hit("comments.vote", str(request.user.pk), settings.COMMENT_VOTES_PER_MINUTE, 60):
            status = 429
            raise ValidationError("공감·비공감을 너무 자주 눌렀습니다. 잠시 뒤에 다시 누르세요.")
        likes, dislikes, now = services.comment_vote(comment=comment, member=request.user, value=value)
    except ValidationError as error:
        message = error.messages[0]
        if wants_json:
            return JsonResponse({"error": message}, status=status if status != 200 else 400)
        messages.error(request, message)
    else:
        if wants_json:
            return JsonResponse({"likes": likes, "dislikes": dislikes, "vote": VOTE_NAMES.get(now) if now else None})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(f"{back.split('#')[0]}#comment-{comment.pk}")
    return redirect(location_of(comment))
