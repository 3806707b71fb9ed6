import datetime

from django import forms
from django.utils import timezone

from articles.models import Group, Section

from .query import ORDERS, RELEVANCE, parse_terms


class SearchForm(forms.Form):
    """The search box and its filters, read from the query string (GET, no CSRF: results pages are cacheable)."""

    q = forms.CharField(label="검색어", max_length=100, required=False)
    group = forms.ModelChoiceField(
        label="묶음",
        queryset=Group.objects.filter(kind=Group.Kind.ARTICLES),
        to_field_name="slug",
        required=False,
        empty_label="전체",
    )
    section = forms.ModelChoiceField(
        label="섹션",
        queryset=Section.objects.filter(group__kind=Group.Kind.ARTICLES).select_related("group"),
        to_field_name="slug",
        required=False,
        empty_label="전체",
    )
    start = forms.DateField(label="시작일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="종료일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(label="정렬", choices=list(ORDERS.items()), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].label_from_instance = lambda section: f"{section.group.name} › {section.name}"

    def clean_q(self):
        query = " ".join(self.cleaned_data["q"].split())
        if query and not parse_terms(query):
            raise forms.ValidationError("검색어를 두 글자 이상 입력하세요. 예: 경제, 축제, 파주시 예산")
        return query

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", "종료일은 시작일과 같거나 그 뒤여야 합니다.")
        return cleaned

    @property
    def terms(self):
        return parse_terms(self.cleaned_data.get("q", "")) if self.is_valid() else []

    @property
    def order(self):
        return (self.cleaned_data.get("sort") if self.is_valid() else "") or RELEVANCE

    def scope(self):
        """The chosen group or section and dates (whole days in KST), as ArticleSearch's keyword arguments."""
        data = self.cleaned_data
        scope = {"order": self.order}
        if data.get("section"):
            scope["sections"] = [data["section"].pk]
        elif data.get("group"):
            scope["sections"] = list(data["group"].sections.values_list("pk", flat=True))
        if data.get("start"):
            scope["start"] = _start_of(data["start"])
        if data.get("end"):
            scope["end"] = _start_of(data["end"] + datetime.timedelta(days=1))
        return scope


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
