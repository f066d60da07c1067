"""Security headers on public pages, the admin's own policy, production settings and start-up errors."""

import json
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


PRODUCTION_SECRET = "x" * 20 + "production-like-secret-key-for-the-deploy-check-0123456789"
TRANSPORT_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def production_values(names):
    """The values that hub.settings.production gives `names`, read in a process started with it."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}))"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="hub.settings.production", SECRET_KEY=PRODUCTION_SECRET)
    result = subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_send_hsts_and_secure_cookies_over_https(client, settings):
    production = production_values(TRANSPORT_SETTINGS)
    for name, value in production.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    page = client.get("/fr/", headers={"X-Forwarded-Proto": "https"})
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    login = client.get("/admin/login/", headers={"X-Forwarded-Proto": "https"})
    assert login.cookies["csrftoken"]["secure"] is True
    assert production["SESSION_COOKIE_SECURE"] is True


def test_production_settings_redirect_plain_http_to_https(client, settings):
    for name, value in production_values(TRANSPORT_SETTINGS).items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    response = client.get("/fr/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/"


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
        SECRET_KEY=PRODUCTION_SECRET,
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
