"""{% url %} and {% static %} remembered per process give exactly what Django's tags give."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.templatetags.static import static
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from lib.url_tags import CachedStaticNode, CachedURLNode


def render(source, **context):
    return Template(source).render(Context(context))


def test_the_url_tag_is_the_remembered_one_and_answers_as_reverse():
    template = Template("{% url 'articles:section' group section %}|{% url 'articles:home' as home %}{{ home }}")
    assert any(isinstance(node, CachedURLNode) for node in template.nodelist)
    for _ in range(2):  # the second answer comes from the cache
        assert template.render(Context({"group": "news", "section": "paju"})) == (
            reverse("articles:section", args=["news", "paju"]) + "|" + reverse("articles:home")
        )


def test_keyword_arguments_and_unknown_names_behave_as_in_django():
    assert render("{% url 'articles:detail' pk=7 %}") == reverse("articles:detail", kwargs={"pk": 7})
    with pytest.raises(NoReverseMatch):
        render("{% url 'articles:no-such-page' %}")
    assert render("{% url 'articles:no-such-page' as missing %}[{{ missing }}]") == "[]"


def test_an_address_is_escaped_like_any_value():
    assert render("{% url 'search:search' %}?q={{ q }}", q="<b>") == reverse("search:search") + "?q=&lt;b&gt;"


def test_the_static_tag_is_the_remembered_one_and_follows_a_changed_static_url():
    template = Template("{% static 'css/site.css' %}")
    assert any(isinstance(node, CachedStaticNode) for node in template.nodelist)
    assert template.render(Context()) == static("css/site.css")
    with override_settings(STATIC_URL="/elsewhere/"):
        assert template.render(Context()) == "/elsewhere/css/site.css"
    assert template.render(Context()) == static("css/site.css")


def test_no_project_template_loads_djangos_own_static_tag():
    # {% load static %} would put Django's tag back over the builtin for that template.
    loads = re.compile(r"{%\s*load\s[^%]*\bstatic\b")
    templates = [path for folder in settings.TEMPLATES[0]["DIRS"] for path in Path(folder).rglob("*.html")]
    assert len(templates) > 50
    assert [str(path) for path in templates if loads.search(path.read_text())] == []
