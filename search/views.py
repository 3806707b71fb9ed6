from django.conf import settings
from django.views.generic import ListView

from lib.pagination import BlockPage, BlockPaginator

from .forms import SearchForm
from .popular import popular_queries, record
from .query import ORDERS, ArticleSearch, find_reporters, search_listings
from .text import excerpt, highlight, html_to_text


class SearchPaginator(BlockPaginator):
    """Pages of an ArticleSearch, which already loads only the rows of the page it is sliced to."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        return BlockPage(self.object_list[bottom:top] if top > bottom else [], number, self)


class SearchView(ListView):
    """/search/?q=: published articles containing every term, then reporters and directory listings."""

    template_name = "search/results.html"
    paginator_class = SearchPaginator
    paginate_by = settings.PAPER_PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        self.terms = self.form.terms
        if not self.terms:
            return []
        return ArticleSearch(self.terms, **self.form.scope())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = self.terms
        for article in context["articles"]:
            article.title_marked = highlight(article.title, terms)
            text = " ".join(filter(None, [article.subtitle, article.summary, html_to_text(article.body)]))
            article.excerpt_marked = highlight(excerpt(text, terms), terms)
        first_page = context["page_obj"] is None or context["page_obj"].number == 1
        listings = search_listings(terms) if terms and first_page else []
        for listing in listings:
            listing.name_marked = highlight(str(listing), terms)
            listing.summary_marked = highlight(excerpt(getattr(listing, "summary", "") or "", terms), terms)
        if terms and first_page and context["paginator"].count:
            record(self.request, self.form.cleaned_data["q"])
        query = self.request.GET.copy()
        query.pop("page", None)
        sort_query = query.copy()
        sort_query.pop("sort", None)
        # search_query also fills the header's search box, on this page only.
        context.update(
            form=self.form,
            terms=terms,
            search_query=self.form.data.get("q", ""),
            listings=listings,
            reporters=find_reporters(terms) if terms and first_page else [],
            capped=bool(terms) and self.object_list.capped,
            order=self.form.order,
            orders=ORDERS,
            page_query=query.urlencode(),
            sort_query=sort_query.urlencode(),
            popular=popular_queries(),
        )
        return context
