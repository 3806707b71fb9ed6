from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView, UpdateView

from pages.models import Document

from . import forms, services
from .models import Consent

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Django puts the request's host in "site"; our templates mean the paper (pages' context processor).
        del context["site"], context["site_name"]
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        if not form.cleaned_data.get("remember"):
            self.request.session.set_expiry(0)  # ends when the browser closes
        return response


def lockout_response(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE. Our login page already explains the lock inside its form;
    other login forms (the admin's) get a page that says why and for how long."""
    match = request.resolver_match
    if original_response is not None and match and match.view_name == "accounts:login":
        original_response.status_code = 429
        return original_response
    message = forms.ADDRESS_LOCKED_MESSAGE if getattr(request, "address_locked_out", False) else forms.LOCKED_MESSAGE
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


@method_decorator(never_cache, name="dispatch")
class SignupView(FormView):
    template_name = "accounts/signup.html"
    form_class = forms.SignupForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("accounts:profile")
        self.terms = Document.objects.current(Document.Kind.TERMS)
        self.privacy = Document.objects.current(Document.Kind.PRIVACY)
        if self.terms is None or self.privacy is None:
            return render(request, "accounts/signup_closed.html", status=503)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "terms": self.terms, "privacy": self.privacy}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = services.member_signup(
                username=data["username"],
                nickname=data["nickname"],
                email=data["email"],
                password=data["password1"],
                terms=self.terms,
                privacy=self.privacy,
                marketing=data["agree_marketing"],
            )
        except IntegrityError:
            # Someone took the same ID, nickname or email between the check and the save.
            form.add_error(None, "방금 다른 분이 같은 아이디, 닉네임 또는 이메일로 가입했습니다. 다시 확인해 주세요.")
            return self.form_invalid(form)
        login(self.request, user, backend=MODEL_BACKEND)
        return redirect("accounts:signup_done")


class SignupDoneView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/signup_done.html"


class ProfileView(LoginRequiredMixin, UpdateView):
    """내 정보: nickname and email, links to the password and withdrawal pages, consents."""

    template_name = "accounts/profile.html"
    form_class = forms.ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        consents = list(self.request.user.consents.select_related("document"))
        return super().get_context_data(
            consents=consents,
            marketing_agreed=any(c.kind == Consent.Kind.MARKETING and c.is_active for c in consents),
            **kwargs,
        )

    def form_valid(self, form):
        messages.success(self.request, "회원 정보를 저장했습니다.")
        return super().form_valid(form)


@require_POST
@login_required
def marketing_consent(request):
    agreed = request.POST.get("agreed") == "1"
    services.marketing_consent_set(user=request.user, agreed=agreed)
    if agreed:
        messages.success(request, "마케팅 정보 수신에 동의했습니다.")
    else:
        messages.success(request, "마케팅 정보 수신 동의를 철회했습니다.")
    return redirect(reverse("accounts:profile") + "#consents")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, "비밀번호를 바꾸었습니다.")
        return super().form_valid(form)


class WithdrawView(LoginRequiredMixin, FormView):
    template_name = "accounts/withdraw.html"
    form_class = forms.WithdrawForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        services.member_withdraw(user=self.request.user)
        logout(self.request)
        return redirect("accounts:withdraw_done")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = forms.PasswordResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")
