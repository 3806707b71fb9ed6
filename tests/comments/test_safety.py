"""Comment text is plain text: whatever markup a member types is shown as typed."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from comments.templatetags.comments_tags import comment_text

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">클릭</a>',
    '"><svg onload=alert(1)>',
    "{{ 7|add:7 }} {% now 'Y' %}",
    "<iframe src=//evil.example></iframe>",
    "&lt;b&gt;이미 이스케이프&lt;/b&gt;",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_shown_as_text(client, member, article, payload):
    client.force_login(member)
    client.post(reverse("comments:post", args=[article.pk]), {"text": payload})
    client.logout()
    section = client.get(article.get_absolute_url()).content.decode().split('id="comments"')[1].split("<footer")[0]
    assert f'<p class="comment__text">{escape(payload)}</p>' in section
    for tag in ("<script", "<img", "<svg", "<iframe", '<a href="javascript'):
        assert tag not in section


def test_escaped_entities_are_escaped_again():
    assert str(comment_text("&lt;b&gt;")) == "&amp;lt;b&amp;gt;"


def test_web_addresses_become_ugc_links():
    html = str(comment_text("자세한 내용은 https://example.com/a?b=1&c=2 에서 보세요."))
    assert (
        '<a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.com/a?b=1&amp;c=2</a>'
        in html
    )


def test_trailing_punctuation_and_korean_stay_outside_the_link():
    html = str(comment_text("여기(https://example.com/x)를 보세요. http://example.org."))
    assert '<a href="https://example.com/x" rel="nofollow ugc noopener">' in html
    assert '<a href="http://example.org" rel="nofollow ugc noopener">http://example.org</a>.' in html


def test_only_web_addresses_become_links():
    html = str(comment_text('javascript:alert(1) data:text/html,<b> http://"onmouseover=alert(1)'))
    assert "<a " not in html
    assert "&lt;b&gt;" in html and "&quot;onmouseover" in html


def test_line_breaks_are_kept_and_nothing_else_is_markup():
    assert str(comment_text("첫째\n<br>둘째")) == "첫째<br>&lt;br&gt;둘째"
