"""Security headers on public pages, the admin's own policy, production settings and start-up errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
PROJECT_DIR = Path(__file__).resolve().parents[2]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_carry_the_security_headers(client):
    response = client.get("/fr/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "http" not in policy, "no third-party origin"


def test_public_pages_have_no_inline_script(client):
    for path in ("/fr/", "/en/", "/fr/territoires/brest/", "/fr/bonnes-pratiques/"):
        html = client.get(path).content.decode()
        assert "<script>" not in html
        assert " onclick=" not in html


def test_admin_policy_is_looser_and_limited_to_admin(client):
    admin = client.get("/admin/login/")
    assert "'unsafe-inline'" in admin["Content-Security-Policy"]
    public = client.get("/fr/")
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]


def test_hsts_and_secure_cookies_under_production_settings(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/fr/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_documents_are_never_served_from_the_media_folder(client):
    assert client.get("/media/documents/report.pdf").status_code == 404


def run_settings(module, **environment):
    unset = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(DJANGO_SETTINGS_MODULE=module, **environment)
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_settings(
        "hub.settings.production",
        SECRET_KEY="x" * 20 + "production-like-secret-key-for-the-deploy-check-0123456789",
        ALLOWED_HOSTS="cooperer.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("hub.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_malformed_database_url_gives_a_readable_error():
    result = run_settings("hub.settings.dev", DATABASE_URL="mysql//nowhere")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
