"""The skeleton: locales, home page, admin, health check, error pages and migrations."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db
PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "language", "headline"),
    [
        ("/fr/", "fr", "Mieux coopérer autour des jeunes d'un territoire"),
        ("/en/", "en", "Working better together for the young people of an area"),
    ],
)
def test_home_page_renders_in_both_locales(client, path, language, headline):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert headline.replace("'", "&#x27;") in html


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/fr/"), ("de-DE,de;q=0.9", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_by_browser_language_with_french_fallback(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_unknown_locale_prefix_ends_in_a_404_page(client):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_unknown_slug_gives_the_custom_404_in_the_readers_language(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html


def test_admin_login_renders(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real unreachable server (a closed port), in a separate process with its own settings.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "ALLOWED_HOSTS": "testserver",
    }
    script = (
        "import django; django.setup(); from django.test import Client; "
        "response = Client().get('/healthz'); print(response.status_code, response.json()['database'])"
    )
    result = subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", script], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["503", "unavailable"], result.stderr


def test_language_switcher_keeps_the_reader_on_the_translated_page(client):
    html = client.get("/fr/territoires/brest/").content.decode()
    assert 'href="/en/territories/brest/" hreflang="en"' in html
    html = client.get("/en/territories/brest/").content.decode()
    assert 'href="/fr/territoires/brest/" hreflang="fr"' in html


def test_no_migration_is_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
