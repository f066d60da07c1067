"""Degrade fast and plainly: a hung database, probes over plain HTTP, bad "next" values."""

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from django.conf import settings

from wagtail.models import PageViewRestriction

import pytest

from territories.models import TerritoryPage

ROOT = Path(settings.BASE_DIR)
PRODUCTION_REQUESTS = textwrap.dedent(
    """
    import json, os, sys, time
    import django
    django.setup()
    from django.test import Client
    client = Client()
    answers = {}
    for method, path in (("get", "/healthz"), ("head", "/healthz"), ("get", "/fr/")):
        started = time.monotonic()
        response = getattr(client, method)(path)
        answers[f"{method} {path}"] = [response.status_code, round(time.monotonic() - started, 2)]
    print(json.dumps(answers))
    """
)


def production_requests(database_url):
    """GET /healthz, HEAD /healthz and GET /fr/ over plain HTTP, under the production settings."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "CRITICAL",
    }
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PRODUCTION_REQUESTS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_health_check_answers_get_and_head_over_plain_http_in_production(tmp_path):
    answers = production_requests(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert answers["get /healthz"][0] == 200
    assert answers["head /healthz"][0] == 200
    assert answers["get /fr/"][0] == 301  # pages still move to HTTPS


def test_a_database_that_never_answers_gives_503_within_five_seconds():
    # A server that accepts connections and never says a word: the kernel completes the handshake.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        started = time.monotonic()
        answers = production_requests(f"postgres://cooperer@127.0.0.1:{port}/cooperer")
        elapsed = time.monotonic() - started
    assert answers["get /healthz"][0] == 503
    assert answers["get /healthz"][1] < 5
    assert answers["head /healthz"][0] == 503
    assert elapsed < 30


@pytest.mark.django_db
def test_a_refused_return_url_on_the_password_form_goes_home(client):
    page = TerritoryPage.objects.get(slug="brest", locale__language_code="fr")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    response = client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "secret", "return_url": "https://example.org/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_a_refused_next_on_the_reader_login_form_goes_home(client, django_user_model):
    django_user_model.objects.create_user("lectrice", password="un mot de passe solide")
    response = client.post(
        "/fr/_util/login/?next=https://example.org/",
        {"username": "lectrice", "password": "un mot de passe solide", "next": "https://example.org/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


POSTGRES_URL = "postgres://cooperer@db.example.org:5432/cooperer"


def test_serving_bounds_each_postgresql_statement_to_five_seconds(monkeypatch):
    from hub.settings.env import database_from_url

    monkeypatch.delenv("DATABASE_STATEMENT_TIMEOUT_MS", raising=False)
    assert database_from_url(POSTGRES_URL)["OPTIONS"]["options"] == "-c statement_timeout=5000"


def test_management_commands_run_without_a_statement_limit():
    """update_index or a content load at 20,000 pages runs statements longer than a reader's request."""
    script = "from django.db import connection; print(connection.settings_dict['OPTIONS']['options'])"
    environment = {**os.environ, "DATABASE_URL": POSTGRES_URL}
    environment.pop("DATABASE_STATEMENT_TIMEOUT_MS", None)
    result = subprocess.run(  # noqa: S603 - the project's own manage.py
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "-c statement_timeout=0"


def test_a_statement_limit_that_is_not_a_number_is_refused_with_its_name(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from hub.settings.env import database_from_url

    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT_MS", "5s")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_STATEMENT_TIMEOUT_MS"):
        database_from_url(POSTGRES_URL)
