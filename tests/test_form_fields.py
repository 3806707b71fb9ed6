"""Every public form field renders through templates/django/forms/field.html: label, help, errors under it."""

import pytest

from accounts.forms import LoginForm
from comments.forms import CommentForm, CommentReportForm
from contact.forms import TipForm


def test_an_invalid_field_shows_its_error_under_it_and_points_the_widget_at_help_and_error():
    form = CommentForm(data={"text": ""})
    html = str(form["text"].as_field_group())
    assert '<div class="field field--error">' in html
    assert '<label class="field__label" for="id_text">댓글 내용</label>' in html
    assert '<ul class="field__errors" id="id_text_error"><li>댓글 내용을 입력하세요.</li></ul>' in html
    assert 'aria-describedby="id_text_helptext id_text_error"' in html
    assert 'aria-invalid="true"' in html
    assert html.index("<textarea") < html.index('id_text_helptext"') < html.index('id="id_text_error"')


def test_a_valid_field_has_no_error_markup():
    html = str(CommentForm(data={"text": "좋은 기사입니다."})["text"].as_field_group())
    assert "field--error" not in html and "field__errors" not in html and "aria-invalid" not in html


@pytest.mark.django_db
def test_forms_that_ask_for_it_mark_required_and_optional_fields():
    tip = TipForm()
    assert '<span class="field__required">(필수)</span>' in str(tip["title"].as_field_group())
    assert '<span class="field__optional">(선택)</span>' in str(tip["name"].as_field_group())
    login = str(LoginForm()["username"].as_field_group())
    assert "(필수)" not in login and "(선택)" not in login


def test_a_radio_group_is_a_fieldset_named_by_its_legend_and_described_by_its_error():
    html = str(CommentReportForm(data={})["reason"].as_field_group())
    assert html.lstrip().startswith(
        '<fieldset class="field field--choices field--error" aria-describedby="id_reason_error">'
    )
    assert '<legend class="field__label">신고 사유</legend>' in html
    assert '<ul class="field__errors" id="id_reason_error"><li>신고 사유를 고르세요.</li></ul>' in html
