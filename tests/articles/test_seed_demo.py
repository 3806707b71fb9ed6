import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, BreakingNews, Byline, Correction, FrontPagePin, ReviewStep, Revision, Section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_demo_photos")]


def test_seed_demo_fills_every_section_and_is_idempotent(client):
    call_command("seed_demo", stdout=io.StringIO())
    first = Article.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Article.objects.count() == first
    for section in Section.objects.filter(group__kind="articles"):
        assert Article.objects.published().filter(section=section).count() >= 8, section.name
    assert Article.objects.published().exclude(photo="").count() >= 40
    assert not Article.objects.published().filter(section__slug="video", video_url="").exists()
    # what the demo desk has to do: a draft, a review request, a scheduled article
    assert Article.objects.filter(status="draft").exists()
    assert Article.objects.filter(status="review").exists()
    assert Article.objects.exclude(pk__in=Article.objects.published()).filter(status="published").exists()
    # the newsroom workflow has something to show, once
    counts = [model.objects.count() for model in (Byline, Correction, FrontPagePin, BreakingNews, ReviewStep, Revision)]
    assert all(counts)
    call_command("seed_demo", stdout=io.StringIO())
    assert counts == [
        model.objects.count() for model in (Byline, Correction, FrontPagePin, BreakingNews, ReviewStep, Revision)
    ]
    assert Article.objects.published().filter(tags__isnull=False).distinct().count() >= 90
    assert Article.objects.filter(origin=Article.Origin.PRESS_RELEASE).exists()
    assert ReviewStep.objects.filter(action="returned").exclude(note="").exists()

    assert client.login(username="desk", password="firstnews-desk-2026")
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    client.logout()
    for url in (
        "/",
        "/section/news/",
        "/section/interview/artists/",
        "/corrections/",
        "/reporter/reporter2/",
        Article.objects.published().first().get_absolute_url(),
    ):
        assert client.get(url).status_code == 200
