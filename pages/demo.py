"""Demo masthead: plausible, clearly fictional legal details for the footer."""

import datetime

from .models import SiteSettings


def seed(out):
    site = SiteSettings.load()
    if not site.publisher:
        site.publisher = "최한결"
        site.editor = "정다온"
        site.youth_officer = "정다온"
        site.phone = "031-000-0000"
        site.email = "news@firstnews.example"
        site.address = "경기도 파주시 금정로 00, 2층 (금촌동)"
        site.business_number = "000-00-00000"
        site.registration_number = "경기 아00000"
        site.registered_on = datetime.date(2020, 3, 2)
        site.first_published_on = datetime.date(2020, 3, 16)
        site.copyright_start_year = 2020
        site.save()
    if not site.privacy_officer:
        site.privacy_officer = "최한결 (발행인)"
        site.privacy_contact = "031-000-0000, privacy@firstnews.example"
        site.save()
