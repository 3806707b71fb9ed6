"""Make the favicon and app icons from one square picture: static/icons/icon.png (at least 512×512)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from PIL import Image

ICONS = Path(settings.BASE_DIR) / "static" / "icons"
SIZES = {"apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}


class Command(BaseCommand):
    help = "static/icons/icon.png에서 favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png를 만듭니다."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=str(ICONS / "icon.png"), help="정사각형 원본 그림 (PNG, 512px 이상)")

    def handle(self, *args, source, **options):
        try:
            with Image.open(source) as opened:
                image = opened.convert("RGBA")
        except OSError as error:
            raise CommandError(f"원본 그림을 열 수 없습니다: {source}") from error
        if image.width != image.height or image.width < 512:
            raise CommandError("원본 그림은 512×512 이상의 정사각형이어야 합니다.")
        for name, size in SIZES.items():
            image.resize((size, size), Image.Resampling.LANCZOS).save(ICONS / name, optimize=True)
        image.save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        self.stdout.write(f"아이콘을 만들었습니다: {ICONS}")
