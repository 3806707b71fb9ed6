import uuid

from django import forms

from accounts.captcha import NumericCaptchaField

from .models import MAX_LENGTH, CommentReport
from .services import normalize_text, too_long_message


class CommentTextField(forms.CharField):
    """Counts a line break as one character, as the browser's maxlength does."""

    def to_python(self, value):
        return normalize_text(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_LENGTH:
            raise forms.ValidationError(too_long_message(value))


class CommentForm(forms.Form):
    text = CommentTextField(
        label="댓글 내용",
        help_text="1,000자까지 쓸 수 있습니다.",
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_LENGTH}),
        error_messages={
            "required": "댓글 내용을 입력하세요.",
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # One random value per form shown: posting the same form twice (a double click) posts once.
    token = forms.CharField(required=False, max_length=32, widget=forms.HiddenInput)

    def __init__(self, *args, captcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)
        if captcha:
            # Many comments came from this network address lately: the site's numeric captcha lets one through.
            self.fields["captcha"] = NumericCaptchaField(
                help_text="이 네트워크(통신사·회사·아파트 공용 주소 등)에서 최근 댓글이 많이 등록되어, "
                "자동 등록이 아님을 확인합니다."
            )

    def clean(self):
        cleaned = super().clean()
        if "captcha" in self.fields and not any(key.startswith("captcha") for key in self.data):
            # The first post after the limit carried no captcha: ask for it instead of calling it wrong.
            self.errors.pop("captcha", None)
            self.add_error("captcha", ADDRESS_LIMIT_MESSAGE)
        return cleaned


ADDRESS_LIMIT_MESSAGE = (
    "이 네트워크에서 댓글이 많이 등록되었습니다. 아래 자동등록방지 숫자를 입력하면 댓글이 등록됩니다."
)


class CommentEditForm(forms.Form):
    text = CommentForm.base_fields["text"]


class CommentReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="신고 사유",
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "신고 사유를 고르세요.", "invalid_choice": "신고 사유를 목록에서 고르세요."},
    )
