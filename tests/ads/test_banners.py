import datetime
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ads import counters
from ads.models import Banner
from tests.factories import make_banner, png_bytes

pytestmark = pytest.mark.django_db


def slot_html(page, slot):
    marker = f'class="adslot adslot--{slot}"'
    return page.split(marker)[1].split("</aside>")[0] if marker in page else ""


def test_every_slot_shows_its_banner_labelled_advertising_with_a_reserved_box(client, make_article):
    article = make_article()
    top = make_banner("top", alt_text="상단 광고 문구")
    sidebar = make_banner("sidebar", alt_text="옆 광고 문구")
    inside = make_banner("article", alt_text="기사 아래 광고 문구")

    home = client.get(reverse("articles:home")).content.decode()
    story = client.get(article.get_absolute_url()).content.decode()
    for page, banner, size in [
        (home, top, (728, 90)),
        (home, sidebar, (300, 250)),
        (story, top, (728, 90)),
        (story, sidebar, (300, 250)),
        (story, inside, (640, 160)),
    ]:
        html = slot_html(page, banner.slot)
        assert '<p class="adslot__label">광고</p>' in html
        assert f'href="{reverse("ads:click", args=[banner.pk])}"' in html
        assert f'width="{size[0]}" height="{size[1]}" alt="{banner.alt_text}"' in html
    # the in-article banner comes after the article body, before the previous/next links
    assert story.index("story__body") < story.index("adslot--article") < story.index("story__siblings")


def test_banner_image_is_cropped_once_to_the_slot_box(client):
    from PIL import Image

    banner = make_banner("sidebar", image=SimpleUploadedFile("wide.png", png_bytes((1000, 200))))
    path = banner.renditions["slot2x"][0]
    with banner.image.storage.open(path) as stored, Image.open(stored) as image:
        assert image.size == (600, 500)
    assert banner.rendition("slot", "webp")[1:] == (300, 250)
    assert banner.rendition("narrow") is None  # only the top slot has a phone picture


def test_top_banner_has_a_narrow_picture_for_phones_in_its_own_box(client, make_article):
    from PIL import Image

    banner = make_banner("top", image=SimpleUploadedFile("top.png", png_bytes((1456, 180))))
    with banner.image.storage.open(banner.renditions["narrow2x"][0]) as stored, Image.open(stored) as image:
        assert image.size == (640, 200)
    html = slot_html(client.get(make_article().get_absolute_url()).content.decode(), "top")
    narrow = banner.rendition("narrow", "webp")[0]
    # art direction: below 600 px the browser takes the 320x100 box, not the 728x90 strip scaled down
    assert f'<source media="(max-width: 600px)" type="image/webp" srcset="{narrow} 320w' in html
    assert 'width="320" height="100"' in html
    assert html.index('media="(max-width: 600px)"') < html.index('type="image/webp" srcset') < html.index("<img")


def test_a_separate_narrow_upload_is_used_for_phones(client):
    from PIL import Image

    banner = make_banner(
        "top",
        image=SimpleUploadedFile("top.png", png_bytes((1456, 180))),
        image_narrow=SimpleUploadedFile("phone.png", png_bytes((640, 200), color="red")),
    )
    with banner.image.storage.open(banner.renditions["narrow"][0]) as stored, Image.open(stored) as image:
        assert image.convert("RGB").getpixel((160, 50))[0] > 200


@pytest.mark.parametrize(
    "fields",
    [
        {"is_active": False},
        {"starts_at": timezone.now() + datetime.timedelta(hours=1)},
        {
            "starts_at": timezone.now() - datetime.timedelta(days=2),
            "ends_at": timezone.now() - datetime.timedelta(days=1),
        },
    ],
    ids=["switched-off", "not-started", "ended"],
)
def test_banners_outside_their_run_are_not_shown(client, fields):
    make_banner("top", **fields)
    assert "adslot" not in client.get(reverse("articles:home")).content.decode()


def test_saving_a_banner_shows_it_at_once(client):
    assert "adslot" not in client.get(reverse("articles:home")).content.decode()
    make_banner("top")
    assert "adslot--top" in client.get(reverse("articles:home")).content.decode()


def test_click_redirects_only_to_the_stored_address_and_is_counted(client):
    banner = make_banner(link_url="https://example.com/landing?campaign=fall")
    response = client.get(reverse("ads:click", args=[banner.pk]) + "?next=https://evil.example/&url=javascript:x")
    assert response.status_code == 302
    assert response["Location"] == "https://example.com/landing?campaign=fall"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert counters.pending("clicks", banner.pk) == 1
    client.get(reverse("ads:click", args=[banner.pk]))  # the same reader again today
    assert counters.pending("clicks", banner.pk) == 1
    client.get(reverse("ads:click", args=[banner.pk]), REMOTE_ADDR="198.51.100.30")  # another reader
    assert counters.pending("clicks", banner.pk) == 2
    assert client.get(reverse("ads:click", args=[banner.pk + 999])).status_code == 404
    assert client.post(reverse("ads:click", args=[banner.pk])).status_code == 405


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.com/x", "//evil.example/", "/relative", "data:text/html,x"]
)
def test_only_web_addresses_are_accepted_as_banner_links(url):
    banner = Banner(advertiser="가상", slot="top", alt_text="문구", link_url=url, image="ads/x.png")
    with pytest.raises(ValidationError) as error:
        banner.full_clean(exclude=["image"])
    assert "link_url" in error.value.message_dict


def test_banner_needs_an_image_that_really_is_one_and_a_sensible_run(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:ads_banner_add"),
        {
            "advertiser": "가상 광고주",
            "slot": "top",
            "image": SimpleUploadedFile("banner.png", b"<svg onload=alert(1)>", "image/png"),
            "alt_text": "문구",
            "link_url": "https://example.com/",
            "starts_at_0": "2026-11-20",
            "starts_at_1": "10:00:00",
            "ends_at_0": "2026-11-19",
            "ends_at_1": "10:00:00",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "image" in errors
    assert not Banner.objects.exists()
    banner = Banner(
        advertiser="가상",
        slot="top",
        alt_text="문구",
        link_url="https://example.com/",
        image="ads/x.png",
        starts_at=timezone.now(),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        banner.full_clean(exclude=["image"])
    assert error.value.message_dict["ends_at"] == ["게재 종료는 게재 시작보다 뒤여야 합니다."]


def test_impressions_are_counted_without_a_database_query(client, django_assert_num_queries):
    banner = make_banner()
    client.get(reverse("articles:home"))  # the page fills the banner cache
    with django_assert_num_queries(0):
        for n in range(5):
            response = client.get(reverse("ads:impression", args=[banner.pk]), REMOTE_ADDR=f"198.51.100.{n}")
    assert response["Content-Type"] == "image/gif"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert counters.pending("impressions", banner.pk) == 5
    banner.refresh_from_db()
    assert banner.impressions == 0


def test_a_script_reloading_the_beacon_counts_one_impression_a_day(client):
    """Impressions are counted once per banner, address and KST day, like clicks, whatever the
    user agent or cookies of the requests."""
    banner = make_banner()
    client.get(reverse("articles:home"))
    url = reverse("ads:impression", args=[banner.pk])
    for n in range(30):
        client.cookies["fn_vid"] = f"made-up-{n}"
        client.get(url, HTTP_USER_AGENT=f"Mozilla/5.0 (X11; Linux x86_64) Agent/{n}")
    assert counters.pending("impressions", banner.pk) == 1
    client.get(url, REMOTE_ADDR="198.51.100.9")  # another reader
    assert counters.pending("impressions", banner.pk) == 2


def test_beacons_for_unknown_banners_count_nothing(client):
    response = client.get(reverse("ads:impression", args=[424242]))
    assert response.status_code == 200
    assert cache.get("ads:impressions:424242") is None


def test_counts_reach_the_database_in_batches_and_by_command(client, settings):
    settings.ADS_FLUSH_EVERY = 10
    banner = make_banner()
    url = reverse("ads:impression", args=[banner.pk])
    for n in range(13):
        client.get(url, REMOTE_ADDR=f"198.51.100.{n}")
    banner.refresh_from_db()
    assert banner.impressions == 10
    assert counters.pending("impressions", banner.pk) == 3
    client.get(reverse("ads:click", args=[banner.pk]))
    out = io.StringIO()
    call_command("flush_ad_counters", stdout=out)
    banner.refresh_from_db()
    assert (banner.impressions, banner.clicks) == (13, 1)
    assert "노출 3회, 클릭 1회" in out.getvalue()
    assert counters.pending("impressions", banner.pk) == 0


def test_a_flush_racing_with_another_never_loses_or_doubles_hits(settings):
    settings.ADS_FLUSH_EVERY = 1000
    banner = make_banner()
    for _ in range(7):
        counters.record("impressions", banner.pk)
    # two app servers flush at the same moment: both read 7 before either subtracts
    cache.decr(counters._key("impressions", banner.pk), 7)
    Banner.objects.filter(pk=banner.pk).update(impressions=7)
    counters.flush_one("impressions", banner.pk)  # sees 0 now and moves nothing
    for _ in range(2):
        counters.record("impressions", banner.pk)
    counters.flush_all()
    banner.refresh_from_db()
    assert banner.impressions == 9


def test_admin_shows_counts_including_those_not_yet_flushed(client, editor):
    banner = make_banner()
    Banner.objects.filter(pk=banner.pk).update(impressions=100, clicks=4)
    client.get(reverse("articles:home"))
    client.get(reverse("ads:impression", args=[banner.pk]))
    client.get(reverse("ads:click", args=[banner.pk]))
    client.force_login(editor)
    page = client.get(reverse("admin:ads_banner_changelist")).content.decode()
    assert '<td class="field-shown">101</td>' in page
    assert '<td class="field-clicked">5</td>' in page


def test_pages_with_banners_stay_cacheable(client, make_article):
    article = make_article()
    make_banner("top")
    make_banner("sidebar")
    make_banner("article")
    for url in (reverse("articles:home"), article.get_absolute_url()):
        response = client.get(url)
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
