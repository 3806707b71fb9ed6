from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.views.generic import FormView, TemplateView

from . import abuse, services
from .forms import AdRequestForm, TipForm
from .models import AdGuide, AdRequest, Attachment, Tip


class AdGuideView(TemplateView):
    template_name = "contact/ad_guide.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=AdGuide.load(), **kwargs)


class SubmissionFormView(FormView):
    """A public form: honeypot first, then the per-address limit, then validation and storage."""

    form_name = ""
    create = None
    done_url = None

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bot():
            # Tell a bot nothing about why: no field errors, nothing stored, nothing counted as success.
            abuse.count_submission(self.form_name, request)
            return TemplateResponse(request, "contact/refused.html", status=400)
        if abuse.is_limited(self.form_name, request):
            form.is_valid()
            form.add_error(None, abuse.limit_message())
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form._meta.fields}
        submission = type(self).create(fields=fields, files=form.attachment_files())
        abuse.count_submission(self.form_name, self.request)
        self.request.session[f"contact:{self.form_name}"] = submission.reference
        return redirect(self.done_url)


class TipFormView(SubmissionFormView):
    template_name = "contact/tip_form.html"
    form_class = TipForm
    form_name = "tip"
    create = staticmethod(services.tip_create)
    done_url = reverse_lazy("contact:tip_done")


class AdRequestFormView(SubmissionFormView):
    template_name = "contact/ad_form.html"
    form_class = AdRequestForm
    form_name = "ad"
    create = staticmethod(services.ad_request_create)
    done_url = reverse_lazy("contact:ad_done")

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=AdGuide.load(), **kwargs)


class DoneView(TemplateView):
    """The reference number, shown only in the browser that sent the form (it lives in that session)."""

    form_name = ""
    form_url = None

    def get(self, request, *args, **kwargs):
        reference = request.session.get(f"contact:{self.form_name}")
        if not reference:
            return redirect(self.form_url)
        return super().get(request, *args, reference=reference, **kwargs)


class TipDoneView(DoneView):
    template_name = "contact/tip_done.html"
    extra_context = {"heading": "기사제보 접수 완료"}
    form_name = "tip"
    form_url = reverse_lazy("contact:tip")


class AdDoneView(DoneView):
    template_name = "contact/ad_done.html"
    extra_context = {"heading": "광고신청 접수 완료"}
    form_name = "ad"
    form_url = reverse_lazy("contact:ad_request")


@staff_member_required
def attachment_download(request, pk):
    """Always a download with the checked type, never rendered by the browser as a page."""
    attachment = get_object_or_404(Attachment, pk=pk)
    owner_model = Tip if attachment.tip_id else AdRequest
    if not request.user.has_perm(f"contact.view_{owner_model._meta.model_name}"):
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("첨부파일이 없습니다.") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.download_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
