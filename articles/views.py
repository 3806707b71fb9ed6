from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from .images import save_editor_upload
from .models import Article, Group, Section
from .pagination import BlockPaginator

HOME_BLOCK_SIZE = 5


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published().for_list()
        latest = list(published[:8])
        top = next((article for article in latest if article.photo), latest[0] if latest else None)
        ranked = published.annotate(
            rank=Window(
                RowNumber(), partition_by=F("section__group"), order_by=[F("published_at").desc(), F("id").desc()]
            )
        ).filter(rank__lte=HOME_BLOCK_SIZE, section__group__kind=Group.Kind.ARTICLES)
        blocks = {}
        for article in ranked:
            blocks.setdefault(article.section.group, []).append(article)
        context.update(
            is_home=True,
            top_story=top,
            headlines=[article for article in latest if article != top][:6],
            group_blocks=sorted(blocks.items(), key=lambda item: (item[0].order, item[0].pk)),
            videos=list(published.exclude(video_url="")[:4]),
        )
        return context


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it to a group, section or reporter."""

    paginator_class = BlockPaginator
    paginate_by = settings.PAPER_PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_list()


class GroupView(ArticleListView):
    template_name = "articles/group.html"

    def get_queryset(self):
        self.group = get_object_or_404(Group, slug=self.kwargs["group"], kind=Group.Kind.ARTICLES)
        return super().get_queryset().filter(section__group=self.group)

    def get_context_data(self, **kwargs):
        return super().get_context_data(current_group=self.group, **kwargs)


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.select_related("group"),
            slug=self.kwargs["section"],
            group__slug=self.kwargs["group"],
            group__kind=Group.Kind.ARTICLES,
        )
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(current_group=self.section.group, current_section=self.section, **kwargs)


class ReporterView(ArticleListView):
    template_name = "articles/reporter.html"

    def get_queryset(self):
        self.reporter = get_object_or_404(get_user_model(), username=self.kwargs["username"], is_staff=True)
        return super().get_queryset().filter(reporter=self.reporter)

    def get_context_data(self, **kwargs):
        return super().get_context_data(reporter=self.reporter, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).select_related("section__group", "reporter")

    def get_context_data(self, **kwargs):
        article = self.object
        published = Article.objects.published()
        in_section = published.filter(section=article.section).only("id", "title", "published_at")
        newer = in_section.filter(published_at__gt=article.published_at).order_by("published_at", "id").first()
        older = in_section.filter(published_at__lt=article.published_at).order_by("-published_at", "-id").first()
        group_latest = (
            published.filter(section__group=article.section.group)
            .exclude(pk=article.pk)
            .only("id", "title", "published_at")[:10]
        )
        return super().get_context_data(
            current_group=article.section.group,
            current_section=article.section,
            previous_article=older,
            next_article=newer,
            group_latest=group_latest,
            **kwargs,
        )


@require_POST
@staff_member_required
def editor_upload(request):
    """CKEditor 5 image upload for staff: checked by content, re-encoded, then stored."""
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "올릴 파일을 고르세요."}}, status=400)
    try:
        url = save_editor_upload(upload, default_storage)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    return JsonResponse({"url": url})
