from django.conf import settings
from django.views.generic import ListView

from articles.models import Article
from lib.pagination import BlockPaginator

from .forms import SearchForm
from .query import search_articles, search_listings
from .text import excerpt, highlight, html_to_text


class SearchView(ListView):
    """/search/?q=: published articles (and directory listings) containing every term."""

    template_name = "search/results.html"
    paginator_class = BlockPaginator
    paginate_by = settings.PAPER_PAGE_SIZE
    context_object_name = "articles"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        self.terms = self.form.terms
        if not self.terms:
            return Article.objects.none()
        articles = Article.objects.published().select_related("section__group", "reporter")
        return search_articles(self.form.filter(articles), self.terms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = self.terms
        for article in context["articles"]:
            article.title_marked = highlight(article.title, terms)
            text = " ".join(filter(None, [article.subtitle, article.summary, html_to_text(article.body)]))
            article.excerpt_marked = highlight(excerpt(text, terms), terms)
        listings = search_listings(terms) if context["page_obj"].number == 1 else []
        for listing in listings:
            listing.name_marked = highlight(str(listing), terms)
            listing.summary_marked = highlight(excerpt(getattr(listing, "summary", "") or "", terms), terms)
        query = self.request.GET.copy()
        query.pop("page", None)
        # search_query also fills the header's search box, on this page only.
        context.update(form=self.form, terms=terms, search_query=self.form.data.get("q", ""), listings=listings)
        context["page_query"] = query.urlencode()
        return context
