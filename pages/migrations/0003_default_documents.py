"""Version 1.0 of the footer pages, so a fresh site has its terms and privacy policy before anyone signs up.

The text is read from pages/default_documents/*.html, written for this paper; later versions are
added in the admin, never by editing those files.
"""

import datetime
from pathlib import Path

from django.db import migrations

TEXT_DIR = Path(__file__).resolve().parent.parent / "default_documents"
KINDS = ["about", "terms", "privacy", "youth-policy", "email-policy"]
EFFECTIVE_ON = datetime.date(2026, 11, 28)


def create_documents(apps, schema_editor):
    Document = apps.get_model("pages", "Document")
    for kind in KINDS:
        Document.objects.get_or_create(
            kind=kind,
            version="1.0",
            defaults={"effective_on": EFFECTIVE_ON, "body": (TEXT_DIR / f"{kind}.html").read_text(encoding="utf-8")},
        )


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_documents")]

    operations = [migrations.RunPython(create_documents, migrations.RunPython.noop)]
