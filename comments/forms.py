import uuid

from django import forms

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)


class CommentEditForm(forms.Form):
    text = CommentForm.base_fields["text"]


class CommentReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="신고 사유",
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "신고 사유를 고르세요.", "invalid_choice": "신고 사유를 목록에서 고르세요."},
    )
