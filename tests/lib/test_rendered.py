"""lib.rendered: a small template's HTML made once per process for each set of values."""

import pytest
from django.template import engines

from lib import rendered
from lib.rendered import render_once

pytestmark = pytest.mark.usefixtures("count_renders")


@pytest.fixture
def count_renders(monkeypatch):
    """Every real render of the test template, counted (render_to_string stands in for the engine)."""
    renders = []

    def fake_render(name, values):
        renders.append(values)
        return engines["django"].from_string("{{ figures.guests }} 명 · {{ day }}").render(values)

    monkeypatch.setattr(rendered, "render_to_string", fake_render)
    rendered._render.cache_clear()
    yield renders
    rendered._render.cache_clear()


def test_the_same_values_are_rendered_once(count_renders):
    first = render_once("t.html", figures={"guests": 3, "members": 0}, day="월")
    again = render_once("t.html", day="월", figures={"members": 0, "guests": 3})
    assert first == again == "3 명 · 월"
    assert len(count_renders) == 1


def test_other_values_render_again(count_renders):
    assert render_once("t.html", figures={"guests": 3}, day="월") == "3 명 · 월"
    assert render_once("t.html", figures={"guests": 4}, day="월") == "4 명 · 월"
    assert render_once("t.html", figures={"guests": 4}, day="화") == "4 명 · 화"
    assert len(count_renders) == 3


def test_with_debug_on_every_render_is_made(count_renders, settings):
    settings.DEBUG = True
    render_once("t.html", figures={"guests": 3}, day="월")
    render_once("t.html", figures={"guests": 3}, day="월")
    assert len(count_renders) == 2


def test_a_changed_setting_forgets_what_was_made(count_renders, settings):
    render_once("t.html", figures={"guests": 3}, day="월")
    settings.SITE_URL = "https://news.example.kr"  # absolute URLs in a page's meta depend on it
    render_once("t.html", figures={"guests": 3}, day="월")
    assert len(count_renders) == 2
