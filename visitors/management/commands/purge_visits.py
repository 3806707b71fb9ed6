from django.conf import settings
from django.core.management.base import BaseCommand

from visitors.services import visits_purge


class Command(BaseCommand):
    help = "보관 기간이 지난 방문·조회 기록을 지웁니다(일별 합계는 남습니다). 하루 첫 방문 때도 자동으로 실행됩니다."

    def handle(self, *args, **options):
        deleted = visits_purge()
        self.stdout.write(f"{settings.VISITORS_RETENTION_DAYS}일이 지난 기록 {deleted}건을 지웠습니다.")
