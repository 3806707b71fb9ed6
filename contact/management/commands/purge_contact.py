"""`python manage.py purge_contact`: destroy tips and ad requests past their retention, with their files.

New submissions already run this once an hour; the command is for quiet periods and for checking.
"""

from django.core.management.base import BaseCommand

from contact.services import submissions_purge


class Command(BaseCommand):
    help = "보유 기간이 지난 기사제보와 광고신청을 첨부파일과 함께 파기합니다."

    def handle(self, *args, **options):
        count = submissions_purge()
        self.stdout.write(f"파기한 접수 {count}건")
