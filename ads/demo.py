"""One demo banner per slot, drawn with Pillow, for clearly fictional advertisers.

Banners are matched by advertiser, so seeding again adds nothing twice.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from .models import NARROW_SIZES, SLOT_SIZES, Banner, Slot

FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto-cjk"]

# slot, advertiser, alt text, link, background, accent, headline, small print
BANNERS = [
    (
        Slot.TOP,
        "퍼스트신문 (자사 광고)",
        "퍼스트신문 종이신문 정기구독 안내: 매주 금요일 파주 소식을 집으로",
        f"{settings.SITE_URL}/epaper/",
        (10, 61, 122),
        (255, 191, 71),
        "매주 금요일, 파주 소식을 집으로",
        "퍼스트신문 종이신문 정기구독 · 지면보기",
    ),
    (
        Slot.SIDEBAR,
        "(가상) 헤이리 가을 음악제",
        "(가상 광고) 헤이리 가을 음악제, 주말 야외무대 무료 공연",
        "https://example.com/heyri-autumn-music",
        (72, 38, 92),
        (244, 180, 60),
        "헤이리 가을 음악제",
        "가상 광고 · 주말 야외무대 무료 공연",
    ),
    (
        Slot.ARTICLE,
        "(가상) 심학산 둘레길 카페",
        "(가상 광고) 심학산 둘레길 카페, 걷고 나서 따뜻한 대추차 한 잔",
        "https://example.com/simhaksan-cafe",
        (38, 92, 60),
        (250, 240, 200),
        "걷고 나서 대추차 한 잔",
        "가상 광고 · 심학산 둘레길 카페",
    ),
]


def font(size):
    for folder in FONT_DIRS:
        path = Path(folder) / "NotoSansCJK-Bold.ttc"
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def banner_image(slot, background, accent, headline, small_print):
    width, height = (side * 2 for side in SLOT_SIZES[slot])
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([width - height * 1.2, -height * 0.4, width + height * 0.2, height * 1.1], fill=accent)
    big = font(max(24, height // 4 if slot != Slot.SIDEBAR else 52))
    small = font(max(16, height // 8 if slot != Slot.SIDEBAR else 28))
    top = height // 5 if slot != Slot.SIDEBAR else height // 3
    draw.text((height // 5, top), headline, font=big, fill=(255, 255, 255))
    draw.text((height // 5, top + big.size + 16), small_print, font=small, fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def narrow_image(background, accent, headline, small_print):
    """The top banner as phones show it (NARROW_SIZES, at 2x): the same message, laid out for 320×100."""
    width, height = (side * 2 for side in NARROW_SIZES[Slot.TOP])
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([width - height * 0.9, -height * 0.3, width + height * 0.3, height * 0.9], fill=accent)
    big, small = font(40), font(24)
    draw.text((28, 44), headline, font=big, fill=(255, 255, 255))
    draw.text((28, 44 + big.size + 18), small_print, font=small, fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def seed(out):
    created = 0
    for slot, advertiser, alt, link, background, accent, headline, small_print in BANNERS:
        if Banner.objects.filter(advertiser=advertiser).exists():
            continue
        banner = Banner(advertiser=advertiser, slot=slot, alt_text=alt, link_url=link)
        banner.image.save(f"demo-{slot}.png", banner_image(slot, background, accent, headline, small_print), save=False)
        if slot in NARROW_SIZES:
            banner.image_narrow.save(
                "demo-narrow.png", narrow_image(background, accent, headline, small_print), save=False
            )
        banner.save()
        created += 1
    out.write(f"데모 배너 {created}개를 새로 만들었습니다.")
