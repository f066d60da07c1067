"""The test database holds the hub's whole content, loaded once per session by the real loader."""

from django.core.management import call_command

from wagtail.models import Locale

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_hub_content", verbosity=0)


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def untranslated_practice(french):
    """A practice published in French only, as an editor leaves it before translating it."""
    from practices.models import PracticeIndexPage, PracticePage

    index = PracticeIndexPage.objects.get(locale=french)
    page = index.add_child(
        instance=PracticePage(
            title="Fiche encore sans traduction",
            slug="fiche-sans-traduction",
            problem="<p>Les acteurs ne se connaissent pas toujours entre eux.</p>",
            what_is_done="<p>Une réponse.</p>",
        )
    )
    page.save_revision().publish()
    return page


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run with DATABASE_URL)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def clear_cache_after_each_test():
    """Each test's database changes are rolled back; what it left in the cache must go with them."""
    yield
    from django.core.cache import cache

    cache.clear()
