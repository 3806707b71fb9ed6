"""Settings come from the environment, strictly; production values pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from firstnews.settings import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("true", True), ("YES", True), ("off", False), ("0", False)])
def test_booleans_accept_clear_words(monkeypatch, raw, value):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG") is value


@pytest.mark.parametrize("raw", ["maybe", "ture", "2"])
def test_an_unclear_boolean_is_an_error_not_false(monkeypatch, raw):
    monkeypatch.setenv("SOME_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")


def test_numbers_and_lists(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "x")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)
    monkeypatch.setenv("SOME_LIST", " a.example, b.example ,")
    assert env_list("SOME_LIST") == ["a.example", "b.example"]


def run_manage(*args, **env):
    # a clean environment: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process
    ignored = ("DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env)
    return subprocess.run(  # noqa: S603 our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_checks(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "production-secret-key-from-the-environment-" + "y" * 20,
        ALLOWED_HOSTS="firstnews.example",
        SECURE_HTTPS="true",
        BEHIND_PROXY="true",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_misspelt_boolean_stops_the_site_from_starting(tmp_path):
    result = run_manage("check", DEBUG="ture", VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_the_web_process_alone_gets_the_statement_timeout(tmp_path):
    """gunicorn loads firstnews.wsgi: its connections carry statement_timeout; manage.py commands do not."""
    show = "from django.db import connection; print(connection.settings_dict.get('OPTIONS', {}).get('options', ''))"
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused", "VAR_DIR": str(tmp_path)}
    command = run_manage("shell", "-c", show, **env)
    assert command.returncode == 0, command.stderr
    assert "statement_timeout" not in command.stdout
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    web = subprocess.run(  # noqa: S603 our own wsgi module, as gunicorn loads it
        [sys.executable, "-c", "import firstnews.wsgi; " + show],
        cwd=ROOT,
        env={**environment, **env, "DB_STATEMENT_TIMEOUT_MS": "15000"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert web.returncode == 0, web.stderr
    assert "-c statement_timeout=15000" in web.stdout


@pytest.mark.django_db
def test_the_csrf_cookie_ends_with_the_browser_session(client):
    # A lasting csrftoken would keep a reader out of the shared page caches (they bypass on it) for a year.
    response = client.get("/accounts/login/")
    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]
