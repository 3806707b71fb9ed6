from django.core.management.base import BaseCommand

from ads.counters import flush_all


class Command(BaseCommand):
    help = "캐시에 모인 배너 노출·클릭 수를 데이터베이스에 옮깁니다. cron으로 몇 분마다 실행하세요."

    def handle(self, *args, **options):
        moved = flush_all()
        self.stdout.write(f"노출 {moved['impressions']}회, 클릭 {moved['clicks']}회를 옮겼습니다.")
