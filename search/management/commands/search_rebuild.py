from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lib.progress import Progress
from search.index import rebuild


class Command(BaseCommand):
    help = "검색 색인(search_articletext)을 모든 기사에서 새로 만듭니다(PostgreSQL). 만드는 동안에도 검색은 됩니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--maintenance-work-mem",
            default="1GB",
            help="색인 하나를 만드는 동안 쓸 메모리(기본 1GB). 두 색인을 동시에 만들면 두 배가 듭니다.",
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="본문을 나눠 처리할 프로세스 수(0이면 이 프로세스만)"
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("SQLite에는 검색 색인이 없습니다(검색할 때마다 본문을 훑습니다).")
        rows, seconds = rebuild(Progress("검색 색인"), options["maintenance_work_mem"], options["workers"])
        self.stdout.write(f"기사 {rows:,}건의 검색 색인을 {seconds:,.0f}초에 다시 만들었습니다.")
