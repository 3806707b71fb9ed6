import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from comments.forms import CommentForm
from comments.models import CommentVote
from comments.services import address_over_limit, is_banned
from comments.threads import PAGE_PARAM, SORT_PARAM, SORTS, best_of, clean_sort, page_query, thread_page
from lib import pagecache
from lib.netaddr import client_ip

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


def add_action_urls(comments, member):
    """The reply, edit, delete, report and vote addresses of each comment, reversed once rather than per comment."""
    marker = 987654321
    names = ("reply", "edit", "delete", "report", "vote") if member else ("permalink",)
    patterns = {name: reverse(f"comments:{name}", args=[marker]) for name in names}
    login = resolve_url(settings.LOGIN_URL)
    for comment in comments:
        comment.urls = {name: url.replace(str(marker), str(comment.pk)) for name, url in patterns.items()}
        if not member:
            comment.urls["login"] = f"{login}?{urlencode({'next': comment.urls['permalink']})}"


def add_own_votes(comments, user):
    """Each comment's `my_vote` ("like", "dislike" or ""): one query for the member's votes on these comments."""
    ids = {comment.pk for comment in comments}
    votes = dict(CommentVote.objects.filter(member=user, comment_id__in=ids).values_list("comment_id", "value"))
    names = {CommentVote.Value.LIKE: "like", CommentVote.Value.DISLIKE: "dislike"}
    for comment in comments:
        comment.my_vote = names.get(votes.get(comment.pk), "")


@register.simple_tag(takes_context=True)
def comment_section(context, article):
    """The comments under an article: count, BEST 댓글, sort links, one page of threads with page links,
    and a form for members or a login prompt for guests.

    What a guest sees is the same for every guest: it is kept as a fragment under the content generation
    (a new, edited or hidden comment moves it), one copy per article, order and page, for as long as an
    anonymous page (PAGE_CACHE_SECONDS): votes move no generation, their counts catch up as pages do."""
    request = context["request"]
    template = context.template.engine.get_template("comments/section.html")

    def render():
        return template.render(context.new(section_context(context, article)))

    if request.user.is_authenticated or not article.is_public:
        return render()
    sort = clean_sort(request.GET.get(SORT_PARAM))
    number = request.GET.get(PAGE_PARAM) or "1"
    number = number if number.isdigit() and len(number) < 7 else "1"  # thread_page() treats the rest as 1
    key = f"fragment:comments:{article.pk}:{sort}:{number}"
    return pagecache.kept(key, pagecache.request_state(request).generation, render, settings.PAGE_CACHE_SECONDS)


def section_context(context, article):
    """comments/section.html's context for this request's reader."""
    request = context["request"]
    user = request.user
    if not article.is_public:
        return {"closed": True}
    sort = clean_sort(request.GET.get(SORT_PARAM))
    page = thread_page(article.pk, sort, request.GET.get(PAGE_PARAM) or 1)
    comments = page.comments
    best = best_of(article.pk, page)
    section = {
        "article": article,
        "comments": comments,
        "page": page,
        "best": best,
        "sorts": [(value, label, page_query(value, 1)) for value, label in SORTS.items()],
        "trailing_closes": nest(comments),
        "user": user,
    }
    add_action_urls(comments, member=user.is_authenticated)
    if user.is_authenticated:
        if comments:
            add_own_votes(comments, user)
        banned = is_banned(user)
        section.update(
            banned=banned,
            form=CommentForm(captcha=not banned and address_over_limit(client_ip(request) or "")),
            reply_form=CommentForm(auto_id="reply_%s"),  # ids apart from the main form's
            csrf_token=context.get("csrf_token"),
            messages=context.get("messages"),
            here=request.get_full_path(),
        )
    else:
        next_url = f"{article.get_absolute_url()}#comments"
        section["login_url"] = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': next_url})}"
    return section
