from django.conf import settings
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.models import Group
from articles.seo import list_page_meta
from lib.pagination import BlockPaginator

from .models import Listing, directory_sections

SEARCH_MAX_LENGTH = 50


def directory_group():
    return get_object_or_404(Group, kind=Group.Kind.DIRECTORY)


class ListingListView(ListView):
    """A paginated list of published listings; subclasses narrow it to a category or a search."""

    paginator_class = BlockPaginator
    paginate_by = settings.PAPER_PAGE_SIZE
    context_object_name = "listings"

    def get_queryset(self):
        return Listing.objects.published().for_list()


class DirectoryIndexView(ListingListView):
    template_name = "directory/index.html"
    paginate_by = 12

    def get_queryset(self):
        return super().get_queryset().order_by("-created_at", "-id")

    def get_context_data(self, **kwargs):
        published = Q(listings__is_published=True)
        categories = (
            directory_sections().select_related("group").annotate(listing_count=Count("listings", filter=published))
        )
        context = super().get_context_data(current_group=directory_group(), categories=categories, **kwargs)
        context["page_meta"] = list_page_meta(self.request, group=context["current_group"], page=context["page_obj"])
        return context


class CategoryView(ListingListView):
    template_name = "directory/category.html"

    def get_queryset(self):
        self.category = get_object_or_404(directory_sections().select_related("group"), slug=self.kwargs["category"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(current_group=self.category.group, current_section=self.category, **kwargs)
        context["page_meta"] = list_page_meta(self.request, section=self.category, page=context["page_obj"])
        return context


class SearchView(ListingListView):
    template_name = "directory/search.html"

    def get_queryset(self):
        self.name = self.request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
        self.area = self.request.GET.get("area", "").strip()[:SEARCH_MAX_LENGTH]
        if not (self.name or self.area):
            return Listing.objects.none()
        return super().get_queryset().search(name=self.name, area=self.area)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            current_group=directory_group(),
            query=self.name,
            area=self.area,
            searched=bool(self.name or self.area),
            **kwargs,
        )
        context["page_meta"] = list_page_meta(self.request, group=context["current_group"], page=context["page_obj"])
        return context


class ListingDetailView(DetailView):
    template_name = "directory/listing_detail.html"
    context_object_name = "listing"

    def get_queryset(self):
        return Listing.objects.published().select_related("category__group").prefetch_related("photos")

    def get_context_data(self, **kwargs):
        category = self.object.category
        return super().get_context_data(
            current_group=category.group,
            current_section=category,
            page_meta=list_page_meta(self.request, section=category),
            **kwargs,
        )
