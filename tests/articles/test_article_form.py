"""The roomy article form: full-width 제목/부제목 with character counts, the editor styled like the article page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

STATIC = Path(settings.BASE_DIR) / "static"


def rules(css):
    """{selector: {property: value}} of a stylesheet's top-level rules (at-rules such as @media skipped)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found: dict[str, dict[str, str]] = {}
    depth, start, prelude = 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                if not prelude.startswith("@"):
                    body = css[start:index]
                    declarations = {
                        part.split(":", 1)[0].strip(): part.split(":", 1)[1].strip()
                        for part in body.split(";")
                        if ":" in part
                    }
                    for selector in prelude.split(","):
                        found.setdefault(" ".join(selector.split()), {}).update(declarations)
                start = index + 1
    return found


def test_every_story_body_rule_of_the_site_is_in_the_editor_with_the_same_declarations():
    site = rules((STATIC / "css/site.css").read_text())
    editor = rules((STATIC / "css/editor.css").read_text())
    story = {
        selector.replace(".story__body", ".ck-content"): declarations
        for selector, declarations in site.items()
        if re.match(r"\.story__body(?![\w-])", selector)
    }
    assert len(story) >= 10
    for selector, declarations in story.items():
        assert editor.get(selector, {}) | declarations == editor.get(selector), selector


def test_the_editor_loads_that_stylesheet():
    assert settings.CKEDITOR_5_CUSTOM_CSS == "css/editor.css"
    from django_ckeditor_5.widgets import CKEditor5Widget

    assert "css/editor.css" in str(CKEditor5Widget().media)


@pytest.mark.django_db
def test_title_and_subtitle_show_their_length_without_javascript(client, editor, make_article):
    article = make_article(title="운정 호수공원 야간 개방", subtitle="")
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert '<span class="charcount" data-charcount-for="id_title">13</span>/200자' in page
    assert '<span class="charcount" data-charcount-for="id_subtitle">0</span>/200자' in page
    assert "css/admin_article.css" in page and "js/admin_article.js" in page
    assert 'class="vLargeTextField article-headline"' in page
