import re

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import JSONObject
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, RedirectView, TemplateView

from lib import pagecache
from lib.images import save_editor_upload
from lib.json_rows import JSONRows
from lib.pagination import BlockPaginator

from . import seo
from .front_page import compose_front_page
from .models import Article, Byline, Correction, Tag, menu_group, menu_section

RELATED_SIZE = 6
RELATED_CANDIDATES = 200
RELATED_FIELDS = ("id", "title", "published_at", "photo", "photo_alt", "photo_renditions", "section__name")
ARTICLE_NUMBER = re.compile(r"[0-9]{1,18}")  # fits a bigint key


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        # Lazy: read only when the page's cached fragments (home_lead, home_blocks) are made again.
        page = SimpleLazyObject(compose_front_page)
        return super().get_context_data(
            is_home=True,
            top_story=SimpleLazyObject(lambda: page.top_story),
            headlines=SimpleLazyObject(lambda: page.headlines),
            group_blocks=SimpleLazyObject(lambda: page.group_blocks),
            videos=SimpleLazyObject(lambda: page.videos),
            **kwargs,
        )


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it to a group, section or reporter."""

    paginator_class = BlockPaginator
    paginate_by = settings.PAPER_PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_list()

    def get_paginator(self, queryset, per_page, **kwargs):
        # The capped count is kept under the content generation, one entry per list (its address).
        generation = pagecache.request_state(self.request).generation
        count_cache = (f"list-count:{self.request.path}", generation)
        return super().get_paginator(queryset, per_page, count_cache=count_cache, **kwargs)


class GroupView(ArticleListView):
    template_name = "articles/group.html"

    def get_queryset(self):
        self.group = menu_group(self.kwargs["group"])
        if self.group is None:
            raise Http404("분류를 찾을 수 없습니다.")
        # section_id IN (…), not a join: article_list is walked in date order with the section checked in it.
        return super().get_queryset().filter(section__in=[section.pk for section in self.group.menu_sections])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(current_group=self.group, **kwargs)
        context["page_meta"] = seo.list_page_meta(self.request, group=self.group, page=context["page_obj"])
        return context


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = menu_section(self.kwargs["group"], self.kwargs["section"])
        if self.section is None:
            raise Http404("섹션을 찾을 수 없습니다.")
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(current_group=self.section.group, current_section=self.section, **kwargs)
        context["page_meta"] = seo.list_page_meta(self.request, section=self.section, page=context["page_obj"])
        return context


class PhotoListView(ArticleListView):
    """포토뉴스: a grid of the newest published articles with a photo."""

    template_name = "articles/photo.html"
    paginate_by = 24

    def get_queryset(self):
        return super().get_queryset().exclude(photo="")


class ReporterView(ArticleListView):
    template_name = "articles/reporter.html"

    def get_queryset(self):
        self.reporter = get_object_or_404(
            get_user_model().objects.select_related("reporter_profile"), username=self.kwargs["username"], is_staff=True
        )
        return super().get_queryset()

    def get_paginator(self, queryset, per_page, **kwargs):
        published = Article.objects.published()
        return super().get_paginator(
            queryset, per_page, ids=lambda limit: published.ids_by_reporter(self.reporter, limit), **kwargs
        )

    def get_context_data(self, **kwargs):
        profile = getattr(self.reporter, "reporter_profile", None)
        return super().get_context_data(reporter=self.reporter, profile=profile, **kwargs)


class TagView(ArticleListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset()

    def get_paginator(self, queryset, per_page, **kwargs):
        published = Article.objects.published()
        return super().get_paginator(
            queryset, per_page, ids=lambda limit: published.ids_by_tag(self.tag, limit), **kwargs
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class CorrectionListView(ListView):
    """Every 정정·수정 notice on a published article, newest first."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"
    paginator_class = BlockPaginator
    paginate_by = 30

    def get_queryset(self):
        return (
            Correction.objects.filter(article__in=Article.objects.published())
            .select_related("article__section")
            .only("kind", "text", "created_at", "article__id", "article__title", "article__section__name")
        )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        """The article with what its page needs around it, in one query: its tags (a JSON list), 이전/다음
        in its section (each an index probe), and whether it has shared bylines and corrections (most
        have neither: those lists then cost no query when its story is made)."""
        published = Article.objects.published().filter(section=OuterRef("section"))
        newer = published.filter(published_at__gt=OuterRef("published_at")).order_by("published_at", "id")
        older = published.filter(published_at__lt=OuterRef("published_at")).order_by("-published_at", "-id")
        return (
            Article.objects.visible_to(self.request.user)
            .select_related("section__group", "reporter__reporter_profile")
            .annotate(
                has_bylines=Exists(Byline.objects.filter(article=OuterRef("pk"))),
                has_corrections=Exists(Correction.objects.filter(article=OuterRef("pk"))),
                tag_rows=JSONRows(
                    Tag.objects.filter(articles=OuterRef("pk")).values(
                        item=JSONObject(id="id", name="name", slug="slug")
                    )
                ),
                next_row=Subquery(newer.values(item=JSONObject(id="id", title="title"))[:1]),
                previous_row=Subquery(older.values(item=JSONObject(id="id", title="title"))[:1]),
            )
        )

    def get_object(self, queryset=None):
        """For readers, the article and its related articles are one cache entry under the content
        generation (any change makes a new one): a warm render reads it instead of making queries. The
        desk and reporters, who may preview unpublished articles, read the database."""
        if self.request.user.is_staff:
            return self.article_and_related(queryset)
        generation = pagecache.request_state(self.request).generation
        return pagecache.kept(
            f"article:with-related:{self.kwargs['pk']}",
            generation,
            lambda: self.article_and_related(queryset),  # a 404 is not kept
            settings.FRAGMENT_CACHE_SECONDS,
        )

    def article_and_related(self, queryset):
        article = super().get_object(queryset)
        article.tag_list = sorted((Tag(**row) for row in article.tag_rows), key=lambda tag: tag.name)
        article.related_articles = related_articles(article, article.tag_list)
        return article

    def get_context_data(self, **kwargs):
        # Bylines and corrections are read only when something that shows them is made (the story
        # fragment): a query each then, none on a warm render.
        article = self.object
        return super().get_context_data(
            current_group=article.section.group,
            current_section=article.section,
            page_meta=seo.article_page_meta(article),
            credits=SimpleLazyObject(
                lambda: article.credits_with(
                    list(article.bylines.select_related("reporter")) if article.has_bylines else []
                )
            ),
            tags=article.tag_list,
            corrections=SimpleLazyObject(
                lambda: list(article.corrections.order_by("created_at", "id")) if article.has_corrections else []
            ),
            previous_article=neighbour(article.previous_row),
            next_article=neighbour(article.next_row),
            related_articles=article.related_articles,
            **kwargs,
        )


def neighbour(row):
    """이전/다음 기사 from its {id, title} (None when there is none): what the link to it needs."""
    return Article(id=row["id"], title=row["title"]) if row else None


def related_articles(article, tags):
    """Published articles sharing tags (most shared first), then the newest of the same section.

    Bounded by what it reads, not by the archive: the tagged candidates are the newest
    RELATED_CANDIDATES links of the article's tags, ranked in one query; the section's newest
    (its list index, a few rows) fill the places left.
    """
    tag_ids = [tag.pk for tag in tags]
    published = Article.objects.published().exclude(pk=article.pk)
    found = []
    if tag_ids:
        links = Article.tags.through.objects.filter(tag_id__in=tag_ids).order_by("-article_id")
        found = list(
            published.filter(pk__in=links.values("article_id")[:RELATED_CANDIDATES])
            .annotate(
                shared=Count("tags", filter=Q(tags__in=tag_ids)),
                same_section=Case(
                    When(section_id=article.section_id, then=Value(1)), default=0, output_field=IntegerField()
                ),
            )
            .select_related("section")
            .only(*RELATED_FIELDS)
            .order_by("-shared", "-same_section", "-published_at", "-id")[:RELATED_SIZE]
        )
    if len(found) < RELATED_SIZE:
        found += (
            published.filter(section_id=article.section_id)
            .exclude(pk__in=[row.pk for row in found])
            .select_related("section")
            .only(*RELATED_FIELDS)[: RELATED_SIZE - len(found)]
        )
    return found


@require_POST
@staff_member_required
def editor_upload(request):
    """CKEditor 5 image upload for staff: checked by content, re-encoded, then stored."""
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "올릴 파일을 고르세요."}}, status=400)
    try:
        urls = save_editor_upload(upload, default_storage)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    return JsonResponse({"urls": urls})


class ArticleRedirectView(RedirectView):
    """301 from any other form of an article's address to /article/<id>/, its one permanent URL.

    /article/<id>/<anything> and the old engine's /news/articleView.html?idxno=<id>
    both lead here; an id that is not a published article is a 404, not a redirect.
    """

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        pk = str(kwargs.get("pk") or self.request.GET.get("idxno", ""))
        if not ARTICLE_NUMBER.fullmatch(pk):
            raise Http404("기사 번호가 없습니다.")
        article = get_object_or_404(Article.objects.published().only("id"), pk=int(pk))
        return article.get_absolute_url()


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        return super().get_context_data(site_url=settings.SITE_URL, **kwargs)
