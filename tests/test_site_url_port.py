import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def site_url(**env):
    environment = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "PORT")}
    environment.update(env)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    environment["DJANGO_SETTINGS_MODULE"] = "firstnews.settings"
    result = subprocess.run(  # noqa: S603 the test's own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_site_url_follows_the_port_when_not_set():
    assert site_url(PORT="8301") == "http://127.0.0.1:8301"
    assert site_url() == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins():
    assert site_url(PORT="8301", SITE_URL="https://www.firstnews.example/") == "https://www.firstnews.example"
