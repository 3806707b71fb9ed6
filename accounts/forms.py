import re

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from .captcha import NumericCaptchaField
from .models import User

USERNAME_RE = re.compile(r"^[a-z0-9_]+$")
NICKNAME_RE = re.compile(r"^[가-힣A-Za-z0-9]+$")
MISMATCH_MESSAGE = "비밀번호가 서로 다릅니다."
LOCKED_MESSAGE = (
    "로그인에 5번 실패하여 이 아이디는 지금 접속한 곳에서 15분 동안 로그인할 수 없습니다. "
    "잠시 후 다시 시도하거나 비밀번호 찾기를 이용하세요."
)
ADDRESS_LOCKED_MESSAGE = (
    "지금 접속한 곳에서 로그인 실패가 너무 많아 잠시 로그인할 수 없습니다. "
    "잠시 후 다시 시도하거나 비밀번호 찾기를 이용하세요."
)


def is_reserved(name):
    return name.casefold() in {reserved.casefold() for reserved in settings.ACCOUNTS_RESERVED_NAMES}


def clean_nickname_value(nickname, *, exclude_pk=None):
    nickname = nickname.strip()
    if not 2 <= len(nickname) <= 12:
        raise ValidationError("닉네임은 2자 이상 12자 이하로 입력하세요.")
    if not NICKNAME_RE.match(nickname):
        raise ValidationError("닉네임은 한글, 영문, 숫자만 쓸 수 있습니다 (띄어쓰기와 기호 불가).")
    if is_reserved(nickname):
        raise ValidationError("사용할 수 없는 닉네임입니다.")
    if User.objects.filter(nickname__iexact=nickname).exclude(pk=exclude_pk).exists():
        raise ValidationError("이미 사용 중인 닉네임입니다.")
    return nickname


def clean_email_value(email, *, exclude_pk=None):
    email = User.objects.normalize_email(email.strip())
    if User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists():
        raise ValidationError("이미 가입된 이메일입니다.")
    return email


class SignupForm(forms.Form):
    username = forms.CharField(
        label="아이디",
        max_length=20,
        help_text="영문 소문자, 숫자, 밑줄(_)로 3~20자",
        error_messages={"required": "아이디를 입력하세요.", "max_length": "아이디는 3자 이상 20자 이하로 입력하세요."},
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
    )
    nickname = forms.CharField(
        label="닉네임",
        max_length=12,
        help_text="한글, 영문, 숫자로 2~12자. 댓글에 표시됩니다.",
        error_messages={"required": "닉네임을 입력하세요.", "max_length": "닉네임은 2자 이상 12자 이하로 입력하세요."},
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = forms.EmailField(
        label="이메일",
        help_text="비밀번호를 잊었을 때 재설정 안내를 받습니다.",
        error_messages={"required": "이메일을 입력하세요.", "invalid": "올바른 이메일 주소를 입력하세요."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label="비밀번호",
        strip=False,
        help_text="8자 이상. 숫자로만 된 비밀번호, 흔한 비밀번호, 아이디와 비슷한 비밀번호는 쓸 수 없습니다.",
        error_messages={"required": "비밀번호를 입력하세요."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="비밀번호 확인",
        strip=False,
        error_messages={"required": "비밀번호를 한 번 더 입력하세요."},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    agree_terms = forms.BooleanField(
        label="회원가입약관에 동의합니다. (필수)",
        error_messages={"required": "회원가입약관에 동의해야 가입할 수 있습니다."},
    )
    agree_privacy = forms.BooleanField(
        label="개인정보 수집 및 이용에 동의합니다. (필수)",
        error_messages={"required": "개인정보 수집 및 이용에 동의해야 가입할 수 있습니다."},
    )
    agree_marketing = forms.BooleanField(label="마케팅 정보 수신에 동의합니다. (선택)", required=False)
    terms_version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    privacy_version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    captcha = NumericCaptchaField()

    def __init__(self, *args, terms, privacy, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = terms
        self.privacy = privacy
        # The versions shown on the page travel with the form, so a consent records what was read.
        self.initial.update(terms_version=terms.version, privacy_version=privacy.version)
        self.fields["terms_version"].initial = terms.version
        self.fields["privacy_version"].initial = privacy.version

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not 3 <= len(username) <= 20:
            raise ValidationError("아이디는 3자 이상 20자 이하로 입력하세요.")
        if not USERNAME_RE.match(username):
            raise ValidationError("아이디는 영문 소문자, 숫자, 밑줄(_)만 쓸 수 있습니다.")
        if is_reserved(username):
            raise ValidationError("사용할 수 없는 아이디입니다.")
        # Withdrawn members keep their row, so their IDs stay taken.
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("이미 사용 중인 아이디입니다.")
        return username

    def clean_nickname(self):
        return clean_nickname_value(self.cleaned_data["nickname"])

    def clean_email(self):
        return clean_email_value(self.cleaned_data["email"])

    def clean_terms_version(self):
        if self.cleaned_data["terms_version"] != self.terms.version:
            raise ValidationError("회원가입약관이 개정되었습니다. 새 약관을 읽고 다시 동의해 주세요.")
        return self.terms.version

    def clean_privacy_version(self):
        if self.cleaned_data["privacy_version"] != self.privacy.version:
            raise ValidationError("개인정보처리방침이 개정되었습니다. 새 내용을 읽고 다시 동의해 주세요.")
        return self.privacy.version

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", MISMATCH_MESSAGE)
        if password1:
            candidate = User(
                username=cleaned.get("username", ""),
                nickname=cleaned.get("nickname", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "아이디 또는 비밀번호가 올바르지 않습니다.",
        "inactive": "아이디 또는 비밀번호가 올바르지 않습니다.",
    }
    remember = forms.BooleanField(label="로그인 상태 유지", required=False)

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "아이디"
        self.fields["username"].error_messages["required"] = "아이디를 입력하세요."
        self.fields["password"].label = "비밀번호"
        self.fields["password"].error_messages["required"] = "비밀번호를 입력하세요."

    def get_invalid_login_error(self):
        if getattr(self.request, "address_locked_out", False):
            return ValidationError(ADDRESS_LOCKED_MESSAGE, code="locked")
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(LOCKED_MESSAGE, code="locked")
        return super().get_invalid_login_error()


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    captcha = NumericCaptchaField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "가입할 때 쓴 이메일"
        self.fields["email"].error_messages.update(
            required="이메일을 입력하세요.", invalid="올바른 이메일 주소를 입력하세요."
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "새 비밀번호"
        self.fields["new_password2"].label = "새 비밀번호 확인"
        self.error_messages = {**self.error_messages, "password_mismatch": MISMATCH_MESSAGE}


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "현재 비밀번호"
        self.fields["new_password1"].label = "새 비밀번호"
        self.fields["new_password2"].label = "새 비밀번호 확인"
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": MISMATCH_MESSAGE,
            "password_incorrect": "현재 비밀번호가 올바르지 않습니다.",
        }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["nickname", "email"]
        labels = {"nickname": "닉네임", "email": "이메일"}
        help_texts = {"nickname": "한글, 영문, 숫자로 2~12자"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].required = True
        self.fields["nickname"].error_messages["required"] = "닉네임을 입력하세요."
        self.fields["email"].required = True
        self.fields["email"].error_messages.update(
            required="이메일을 입력하세요.", invalid="올바른 이메일 주소를 입력하세요."
        )

    def clean_nickname(self):
        return clean_nickname_value(self.cleaned_data["nickname"], exclude_pk=self.instance.pk)

    def clean_email(self):
        return clean_email_value(self.cleaned_data["email"], exclude_pk=self.instance.pk)

    def validate_unique(self):
        """Uniqueness is checked above with Korean messages and without regard to case."""


class WithdrawForm(forms.Form):
    password = forms.CharField(
        label="비밀번호 확인",
        strip=False,
        error_messages={"required": "비밀번호를 입력하세요."},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="탈퇴하면 이 아이디로 다시 로그인할 수 없고, 같은 아이디로 다시 가입할 수도 없다는 것을 확인했습니다.",
        error_messages={"required": "안내를 확인했다고 표시해 주세요."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("비밀번호가 올바르지 않습니다.")
        return password
