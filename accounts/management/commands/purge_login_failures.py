from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "잠금 시간(15분)이 지난 로그인 실패 기록(아이디, IP 주소)을 지웁니다."

    def handle(self, *args, **options):
        # django-axes deletes expired failures only when someone next tries to log in; cron runs this
        # so that a quiet site keeps no address longer than the privacy policy says.
        threshold = timezone.now() - settings.AXES_COOLOFF_TIME
        removed, _ = AccessAttempt.objects.filter(attempt_time__lte=threshold).delete()
        self.stdout.write(f"로그인 실패 기록 {removed}건을 지웠습니다.")
