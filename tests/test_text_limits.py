"""Every text field a visitor or member can fill in has a maximum length (no 10 MB comment)."""

import pytest
from django import forms

from accounts.forms import ProfileForm, SignupForm, WithdrawForm
from comments.forms import CommentEditForm, CommentForm, CommentReportForm, CommentTextField
from contact.forms import AdRequestForm, TipForm


@pytest.mark.parametrize(
    "form_class",
    [SignupForm, ProfileForm, WithdrawForm, CommentForm, CommentEditForm, CommentReportForm, TipForm, AdRequestForm],
)
def test_public_text_fields_have_a_maximum_length(form_class):
    unlimited = [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.PasswordInput)
        and field.max_length is None
        and not isinstance(field, CommentTextField)  # checks its own limit, with the count in the message
    ]
    assert unlimited == []
