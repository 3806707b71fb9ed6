from django import forms
from django.core.validators import RegexValidator

from accounts.captcha import NumericCaptchaField

from .attachments import ACCEPT, check_attachment
from .models import AdRequest, Tip

MAX_TIP_FILES = 3

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9\- ]{6,18}[0-9]$", "전화번호는 숫자와 붙임표(-)로 입력하세요. 예: 031-000-0000"
)


def object_particle(word):
    """을 after a final consonant, 를 after a vowel (제목을, 담당자를)."""
    last = word[-1:]
    if "가" <= last <= "힣" and (ord(last) - ord("가")) % 28:
        return "을"
    return "를"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class SubmissionForm(forms.ModelForm):
    """Consent, honeypot and captcha, shared by both public forms."""

    required_marks = True  # labels say (필수) or (선택): the field template reads this

    # A field people never see; bots that fill every input give themselves away.
    website = forms.CharField(label="홈페이지(비워 두세요)", required=False, max_length=200)
    consent = forms.BooleanField(
        label="위 개인정보 수집·이용에 동의합니다.",
        error_messages={"required": "개인정보 수집·이용에 동의해야 보낼 수 있습니다."},
    )
    captcha = NumericCaptchaField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        for field in self.fields.values():
            if field.required and isinstance(field, forms.CharField) and field.label:
                field.error_messages["required"] = f"{field.label}{object_particle(field.label)} 입력하세요."

    def is_bot(self):
        return bool(self.data.get("website"))

    def attachment_files(self):
        return []


class TipForm(SubmissionForm):
    consent_terms = {
        "purpose": "제보 내용 확인, 취재를 위한 연락, 접수 결과 안내",
        "items": "이름, 연락처, 이메일(모두 선택), 제보 내용과 첨부파일",
        "retention": "접수일로부터 1년, 그 뒤 지체 없이 파기",
        "refusal": "제보를 보낼 수 없습니다.",
    }
    attachments = MultipleFileField(
        label="첨부파일",
        required=False,
        help_text=(
            "사진(JPEG, PNG, GIF, WebP), PDF, 한글(HWP, HWPX), 워드·엑셀·파워포인트(DOCX, XLSX, PPTX), "
            "3개까지, 하나에 10MB 이하. 매크로가 들었거나 암호가 걸린 문서는 받지 않습니다."
        ),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Tip
        fields = ["name", "phone", "email", "title", "content"]
        help_texts = {
            "name": "밝히지 않아도 됩니다.",
            "phone": "밝히지 않아도 됩니다. 취재에 필요하면 연락드립니다.",
            "email": "적어 주시면 접수번호를 메일로 보내 드립니다.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "content": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_TIP_FILES:
            raise forms.ValidationError(f"첨부파일은 {MAX_TIP_FILES}개까지 올릴 수 있습니다.", code="too_many")
        errors, checked = [], []
        for file in files:
            try:
                checked.append((file, *check_attachment(file)))
            except forms.ValidationError as exc:
                errors.append(exc)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def attachment_files(self):
        return self.cleaned_data.get("attachments", [])


class AdRequestForm(SubmissionForm):
    consent_terms = {
        "purpose": "광고 상담, 견적 안내, 계약 진행",
        "items": "회사·상호, 담당자 이름, 전화번호, 이메일, 문의 내용과 첨부파일",
        "retention": "상담 종료 후 1년 (계약하면 전자상거래법에 따라 5년)",
        "refusal": "광고신청을 보낼 수 없습니다.",
    }
    attachment = forms.FileField(
        label="첨부파일",
        required=False,
        help_text=(
            "광고 시안이나 회사 소개서: 사진, PDF, 한글(HWP, HWPX), DOCX, XLSX, PPTX, 10MB 이하, 선택. "
            "매크로가 들었거나 암호가 걸린 문서는 받지 않습니다."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = AdRequest
        fields = ["company", "contact_person", "phone", "email", "kind", "period", "budget", "message"]
        help_texts = {
            "period": "예: 2027년 1월부터 3개월",
            "budget": "예: 월 50만 원",
            "email": "접수번호와 답변을 이 주소로 보내 드립니다.",
        }
        widgets = {
            "company": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_person": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].validators.append(phone_validator)
        self.fields["kind"].error_messages["required"] = "광고 종류를 고르세요."
        self.fields["kind"].choices = [("", "선택하세요")] + AdRequest.Kind.choices

    def clean_attachment(self):
        file = self.cleaned_data.get("attachment")
        if not file:
            return None
        return (file, *check_attachment(file))

    def attachment_files(self):
        checked = self.cleaned_data.get("attachment")
        return [checked] if checked else []
