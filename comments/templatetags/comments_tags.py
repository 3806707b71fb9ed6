import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from comments.forms import CommentForm
from comments.models import Comment
from comments.services import is_banned

register = template.Library()

# Only plain web addresses become links; everything else in a comment is text.
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?"


@register.filter(is_safe=True)
def comment_text(text):
    """Comment text as HTML: everything escaped, line breaks kept, web addresses made into ugc links."""
    parts = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING)
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', url, url))
        position = match.start() + len(url)
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 every part is escaped above


def nest(comments):
    """Mark where reply lists open and close, so one loop writes the nested lists of the whole thread.

    The comments come in path order, so a comment's parent is always on the stack of open lists.
    Returns how many lists are still open after the last comment.
    """
    open_lists = []
    for index, comment in enumerate(comments):
        closes = 0
        while open_lists and open_lists[-1] != comment.parent_id:
            open_lists.pop()
            closes += 1
        comment.closes_before = range(closes)
        following = comments[index + 1] if index + 1 < len(comments) else None
        comment.opens_replies = following is not None and following.parent_id == comment.pk
        if comment.opens_replies:
            open_lists.append(comment.pk)
    return range(len(open_lists))


def add_action_urls(comments):
    """The reply, edit, delete and report links of each comment, reversed once rather than per comment."""
    marker = 987654321
    patterns = {name: reverse(f"comments:{name}", args=[marker]) for name in ("reply", "edit", "delete", "report")}
    for comment in comments:
        comment.urls = {name: url.replace(str(marker), str(comment.pk)) for name, url in patterns.items()}


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    """The comments under an article: count, threaded list, and a form for members or a login prompt for guests."""
    request = context["request"]
    user = request.user
    if not article.is_public:
        return {"closed": True}
    comments = list(Comment.objects.filter(article=article).in_thread_order())
    section = {
        "article": article,
        "comments": comments,
        "trailing_closes": nest(comments),
        "user": user,
    }
    if user.is_authenticated:
        add_action_urls(comments)
        section.update(
            banned=is_banned(user),
            form=CommentForm(),
            reply_form=CommentForm(auto_id="reply_%s"),  # ids apart from the main form's
            csrf_token=context.get("csrf_token"),
            messages=context.get("messages"),
        )
    else:
        next_url = f"{article.get_absolute_url()}#comments"
        section["login_url"] = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}"
    return section
