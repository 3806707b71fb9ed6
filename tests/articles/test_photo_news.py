import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db


def photo_article(make_article, image_upload, title):
    return make_article(title=title, photo=image_upload(f"{title}.png", size=(600, 400)), photo_alt=f"{title} 사진")


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_photo_gallery_lists_only_published_articles_with_a_photo(client, make_article, image_upload):
    shown = photo_article(make_article, image_upload, "사진 있는 기사")
    make_article(title="사진 없는 기사")
    draft = photo_article(make_article, image_upload, "사진 있는 초고")
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.DRAFT)
    _, page = queries(client, reverse("articles:photo"))
    gallery = page[page.index('class="photogrid"') :]
    gallery = gallery[: gallery.index("</ul>")]
    assert shown.get_absolute_url() in gallery and "사진 있는 기사" in gallery
    assert "사진 없는 기사" not in gallery and "사진 있는 초고" not in gallery
    assert "<img" in gallery and 'alt=""' in gallery  # the title beside it names the link


def test_photo_gallery_and_sidebar_cost_the_same_queries_as_photos_grow(client, make_article, image_upload):
    photo_article(make_article, image_upload, "첫 사진")
    article = make_article(title="읽는 기사")
    small = [queries(client, url)[0] for url in (reverse("articles:photo"), article.get_absolute_url())]
    for n in range(4):
        photo_article(make_article, image_upload, f"사진 {n}")
    large = [queries(client, url)[0] for url in (reverse("articles:photo"), article.get_absolute_url())]
    assert small == large


def test_home_and_sidebar_show_photo_news_from_the_cache(client, make_article, image_upload):
    photo_article(make_article, image_upload, "포토 기사")
    article = make_article(title="옆 기사")
    for url in (
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:section", args=["news", "paju"]),
    ):
        page = client.get(url).content.decode()
        block = page[page.index('class="photonews"') :]
        assert "포토 기사" in block[: block.index("</section>")], url
