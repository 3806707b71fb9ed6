import json

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from pages.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_favicon_answers_with_the_icon_not_the_html_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("icons/favicon.ico")
    assert finders.find("icons/favicon.ico")


def test_every_page_links_its_icons_and_manifest(client):
    page = client.get(reverse("articles:home")).content.decode()
    for needle in ('rel="apple-touch-icon"', 'type="image/svg+xml"', 'rel="manifest" href="/manifest.webmanifest"'):
        assert needle in page
    assert '<meta name="theme-color" content="#0a3d7a">' in page


def test_manifest_carries_the_papers_name_and_theme_colour(client):
    site = SiteSettings.load()
    site.name = "파주일보"
    site.save()
    response = client.get(reverse("web_manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "파주일보" and data["theme_color"] == "#0a3d7a" and data["lang"] == "ko"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512", "any"}


def test_make_icons_builds_every_size_from_one_picture(tmp_path, settings, monkeypatch):
    from pages.management.commands import make_icons

    source = tmp_path / "icon.png"
    Image.new("RGB", (600, 600), "#123456").save(source)
    monkeypatch.setattr(make_icons, "ICONS", tmp_path)
    call_command("make_icons", source=str(source))
    with Image.open(tmp_path / "apple-touch-icon.png") as apple:
        assert apple.size == (180, 180)
    with Image.open(tmp_path / "favicon.ico") as ico:
        assert (32, 32) in ico.info["sizes"]


def test_make_icons_refuses_a_small_or_oblong_picture(tmp_path):
    from django.core.management.base import CommandError

    source = tmp_path / "wide.png"
    Image.new("RGB", (800, 400)).save(source)
    with pytest.raises(CommandError, match="정사각형"):
        call_command("make_icons", source=str(source))
