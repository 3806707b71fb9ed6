"""The Content-Security-Policy and the other browser protections on every kind of answer."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize(
    "url", ["/", "/search/?q=x", "/accounts/signup/", "/accounts/login/", "/directory/", "/rss/", "/nowhere/"]
)
def test_public_answers_carry_the_strict_policy(client, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-site"


def test_the_admin_allows_inline_styles_but_never_inline_scripts(client, editor):
    client.force_login(editor)
    policy = directives(client.get(reverse("admin:index"))["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]


def settings_value(expression, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    environment.update(env)
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='firstnews.settings'; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(  # noqa: S603 our own settings module
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_report_only_mode_sends_the_same_policy_without_enforcing_it():
    assert settings_value("bool(settings.CONTENT_SECURITY_POLICY)", CSP_REPORT_ONLY="true") == "False"
    assert (
        settings_value(
            "settings.CONTENT_SECURITY_POLICY_REPORT_ONLY['DIRECTIVES']['script-src']", CSP_REPORT_ONLY="true"
        )
        == "[\"'self'\"]"
    )


def test_the_kakao_sdk_host_is_allowed_only_with_a_key():
    script_src = "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src']"
    assert settings_value(script_src) == "[\"'self'\"]"
    assert settings_value(script_src, KAKAO_JS_KEY="k") == "[\"'self'\", 'https://t1.kakaocdn.net']"
