from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from lib.pagination import BlockPaginator

from .models import Edition


class ArchiveView(ListView):
    template_name = "epaper/archive.html"
    context_object_name = "editions"
    paginator_class = BlockPaginator
    paginate_by = 12

    def get_queryset(self):
        return Edition.objects.published()


class EditionView(DetailView):
    template_name = "epaper/edition.html"
    context_object_name = "edition"

    def get_queryset(self):
        return Edition.objects.published()

    def get_context_data(self, **kwargs):
        published = Edition.objects.published().only("id", "date", "issue_number")
        edition = self.object
        pages = edition.pages()
        # ?page=N: one page at a time, working without JavaScript; anything else shows the front page
        number = self.request.GET.get("page", "1")
        number = min(int(number), len(pages)) if number.isdigit() and int(number) > 0 else 1
        return super().get_context_data(
            older=published.filter(date__lt=edition.date).first(),
            newer=published.filter(date__gt=edition.date).order_by("date").first(),
            pages=pages,
            page=pages[number - 1] if pages else None,
            previous_page=number - 1 if number > 1 else None,
            next_page=number + 1 if number < len(pages) else None,
            **kwargs,
        )


@require_GET
def latest(request):
    """The header's "지역퍼스트 신문보기": the newest edition, or the archive while there is none."""
    edition = Edition.objects.published().only("id").first()
    return redirect(edition or "epaper:archive")


@require_GET
def pdf(request, pk):
    """The edition's PDF, always as application/pdf (inline, or as a download with ?download=1)."""
    edition = get_object_or_404(Edition.objects.published(), pk=pk)
    try:
        handle = edition.pdf.open("rb")
    except FileNotFoundError as exc:
        raise Http404("PDF 파일이 없습니다.") from exc
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=request.GET.get("download") == "1",
        filename=edition.download_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response
