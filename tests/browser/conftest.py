"""Browser tests: the PyPI `playwright` package driving Debian's Chromium (/usr/bin/chromium).

Playwright cannot download its own browser here, so without a system Chromium these tests are
skipped with that reason; `.ci/run` installs the `chromium` package so that CI always runs them.
"""

import os
import shutil
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAS_CHROMIUM = os.path.exists(CHROMIUM)


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: install Debian's chromium package")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            # pytest-django sets up the test database only for tests that ask for it: without this mark,
            # `pytest tests/browser/` alone would serve, and load content into, the development database.
            item.add_marker(pytest.mark.django_db)
            if not HAS_CHROMIUM:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def allow_django_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in this thread; these tests never touch the database
    themselves (the site is served from another thread), so Django's async guard can stand aside."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    from hub.management.commands.shots import CHROMIUM_ARGS

    # While Playwright's event loop lives in this thread, Django's async guard stands aside (see below).
    with sync_playwright() as playwright, pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is the standard library's
        pass


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The site, served from a thread of this process over the session's test database.

    pytest-django's live_server would make every browser test transactional, and flush the
    content that the whole session shares; these tests only read, so a plain WSGI server reading
    the committed session content is enough.
    """
    with django_db_blocker.unblock():
        server = make_server("127.0.0.1", 0, StaticFilesHandler(get_wsgi_application()), handler_class=QuietHandler)

        def serve():
            try:
                server.serve_forever()
            finally:
                connections.close_all()  # this thread's connection: the test database is dropped after

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}"
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.base_url = site_url
    yield page
    context.close()


@pytest.fixture
def new_page(browser, site_url):
    """Pages in contexts of their own: new_page(width=390, height=844, color_scheme="dark", locale="en-GB")."""
    contexts = []

    def make(width=1280, height=900, color_scheme="light", locale="fr-FR"):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=color_scheme,
            locale=locale,
            reduced_motion="reduce",
        )
        contexts.append(context)
        page = context.new_page()
        page.base_url = site_url
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def key_paths(django_db_setup, django_db_blocker):
    """{language: {page name: (path, text to submit or None)}}: the key pages `make shots` photographs,
    found in the test database."""
    from hub.management.commands.shots import LANGUAGES, key_pages

    # Playwright's event loop may already run in this thread; these queries only read.
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return {language: key_pages(language) for language in LANGUAGES}
