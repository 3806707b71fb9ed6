from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .models import Document


class DocumentView(DetailView):
    """A footer page: the version in force today, or an earlier version from its history."""

    template_name = "pages/document.html"
    context_object_name = "document"

    def get_object(self, queryset=None):
        kind = self.kwargs["kind"]
        if kind not in Document.Kind.values:
            raise Http404
        documents = Document.objects.in_force().filter(kind=kind)
        if "version" in self.kwargs:
            return get_object_or_404(documents, version=self.kwargs["version"])
        document = Document.objects.current(kind)
        if document is None:
            raise Http404
        return document

    def get_context_data(self, **kwargs):
        versions = list(
            Document.objects.in_force()
            .filter(kind=self.object.kind)
            .order_by("-effective_on", "-id")
            .only("kind", "version", "effective_on")
        )
        return super().get_context_data(
            versions=versions,
            is_current=bool(versions) and versions[0].pk == self.object.pk,
            **kwargs,
        )
