import time

from django.core.management.base import BaseCommand

from epaper.models import Edition


class Command(BaseCommand):
    help = "지면 PDF의 각 면을 그림(WebP, 썸네일)으로 만듭니다. 기본은 아직 그림이 없는 지면만."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="그림이 있는 지면도 다시 만듭니다.")
        parser.add_argument("--id", type=int, action="append", help="이 지면만 (여러 번 쓸 수 있음)")

    def handle(self, *args, **options):
        editions = Edition.objects.exclude(pdf="")
        if options["id"]:
            editions = editions.filter(pk__in=options["id"])
        for edition in editions.iterator():
            if not options["all"] and edition.page_images.get("source") == edition.pdf.name:
                continue
            started = time.perf_counter()
            edition.render_pages()
            self.stdout.write(
                f"{edition}: {len(edition.page_images['pages'])}면, {time.perf_counter() - started:.1f}초"
            )
