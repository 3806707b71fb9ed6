"""Re-encode public images saved before uploads were rewritten, and make their renditions again.

Every model is looked at through the app registry (the core names no feature app): for each row with
a RenditionsMixin image whose renditions are not of the current RENDITIONS_VERSION, the image is
decoded and written again under a random name, its renditions (JPEG, WebP, AVIF) made anew and the old
files deleted. With --all every row is redone. Other RewrittenImageFields (reporter photos, a banner's
narrow picture) are rewritten when their stored name is not one of ours (see --all too).
"""

import re
from pathlib import PurePath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand

from lib.images import RenditionsMixin, RewrittenImageField

RANDOM_NAME = re.compile(r"^[A-Za-z0-9_-]{22}$")


class Command(BaseCommand):
    help = "업로드된 공개 이미지를 다시 인코딩하고(무작위 이름) 렌디션(JPEG·WebP·AVIF)을 새로 만듭니다."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="최신 렌디션이 있는 행도 모두 다시 만듭니다.")

    def handle(self, *args, **options):
        redo_all = options["all"]
        for model in apps.get_models():
            fields = [f for f in model._meta.get_fields() if isinstance(f, RewrittenImageField)]
            if not fields:
                continue
            done = 0
            for row in model._default_manager.iterator():
                changed = False
                for field in fields:
                    file = getattr(row, field.name)
                    if not file:
                        continue
                    if isinstance(row, RenditionsMixin) and field.name == row.rendition_source:
                        if redo_all or not row.renditions_are_current():
                            row.rebuild_renditions()
                            changed = True
                    elif redo_all or not RANDOM_NAME.match(PurePath(file.name).stem):
                        old = file.name
                        with file.open("rb") as source:
                            content = ContentFile(source.read())
                        file.save("image.jpg", content, save=False)
                        row.save(update_fields=[field.name])
                        file.storage.delete(old)
                        changed = True
                done += changed
            self.stdout.write(f"{model._meta.verbose_name}: {done}개 다시 만듦")
