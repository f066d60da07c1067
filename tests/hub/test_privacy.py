"""Privacy by construction: what an anonymous reader may not see never reaches them, on any surface.

Each case withdraws something after every surface has been read once (so that every cache is
warm), then reads every surface again. The glossary's derived data lives in the default cache,
which the settings make shared by every process; the last tests prove that sharing with real
processes.
"""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page, PageViewRestriction

import pytest

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from glossary.term_record import record_of
from glossary.transfer import import_glossary
from territories.models import TerritoryPage

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)
DECODE = "/api/glossary/decode/"


def decoded_terms(client, text, locale="fr"):
    response = client.post(DECODE, {"text": text, "locale": locale}, content_type="application/json")
    assert response.status_code == 200
    return {item["term"] for item in response.json()["terms"]}


def mantes(language_code):
    return TerritoryPage.objects.get(slug="mantes-la-jolie", locale__language_code=language_code)


def pre_term(language_code="fr"):
    return GlossaryTermPage.objects.get(slug="pre", locale__language_code=language_code)


def restrict(page, restriction_type=PageViewRestriction.PASSWORD, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="secret")
    if groups:
        restriction.groups.set(groups)
    return restriction


def pre_surfaces(client):
    """Where the PRE term shows itself to a reader: the decoder, the automatic links, the editors' links."""
    page = client.get(mantes("fr").url).content.decode()
    return {
        "decoder": "PRE" in decoded_terms(client, "Le PRE de la ville."),
        "linker": re.search(r'<a class="term-link" href="/fr/glossaire/pre/"', page) is not None,
        "related links": 'href="/fr/glossaire/pre/"' in page.replace('class="term-link" href="/fr/glossaire/pre/"', ""),
    }


def usage_of_pre(client):
    return client.get(pre_term().url).content.decode()


def warm(client):
    pre_surfaces(client)
    usage_of_pre(client)
    client.get(mantes("en").url)


# The term itself withdrawn ------------------------------------------------------------------
def test_every_pre_surface_shows_the_term_before_any_change(client):
    assert pre_surfaces(client) == {"decoder": True, "linker": True, "related links": True}


def test_an_unpublished_term_leaves_the_decoder_and_the_links(client):
    warm(client)
    pre_term().unpublish()
    assert pre_surfaces(client) == {"decoder": False, "linker": False, "related links": False}


def test_a_password_restriction_on_a_term_removes_it_at_once(client):
    warm(client)
    restrict(pre_term())
    assert pre_surfaces(client) == {"decoder": False, "linker": False, "related links": False}


def test_a_group_restriction_on_a_term_removes_it_at_once(client):
    warm(client)
    restrict(pre_term(), PageViewRestriction.GROUPS, groups=[Group.objects.get(name="Modération")])
    assert pre_surfaces(client) == {"decoder": False, "linker": False, "related links": False}


def test_a_restriction_on_the_glossary_hides_every_term(client):
    warm(client)
    restrict(GlossaryIndexPage.objects.get(locale__language_code="fr"))
    assert decoded_terms(client, "Le PRE, la CAF et l'ASE.") == set()


def test_removing_the_restriction_brings_the_term_back(client):
    warm(client)
    restriction = restrict(pre_term())
    pre_surfaces(client)
    restriction.delete()
    assert pre_surfaces(client) == {"decoder": True, "linker": True, "related links": True}


def test_a_term_moved_under_a_restricted_page_is_withdrawn(client, french):
    warm(client)
    private = (
        GlossaryIndexPage.objects.get(locale=french)
        .get_parent()
        .add_child(instance=Page(title="Espace privé", slug="espace-prive", locale=french))
    )
    restrict(private)
    pre_term().move(private, pos="last-child")
    assert pre_surfaces(client) == {"decoder": False, "linker": False, "related links": False}


# A page that mentions the term withdrawn ------------------------------------------------------
def test_an_unpublished_page_leaves_the_term_usage_list(client):
    assert mantes("fr").url in usage_of_pre(client)
    mantes("fr").unpublish()
    assert mantes("fr").url not in usage_of_pre(client)


def test_a_restricted_page_leaves_the_term_usage_list(client):
    assert mantes("fr").url in usage_of_pre(client)
    restrict(mantes("fr"))
    assert mantes("fr").url not in usage_of_pre(client)


# Restrictions reach every translation --------------------------------------------------------
def test_a_restriction_added_after_translation_reaches_the_english_copy(client):
    english = mantes("en")
    assert "a large housing estate whose urban renewal" in client.get(english.url).content.decode()
    restrict(mantes("fr"))
    response = client.get(english.url).content.decode()
    assert 'name="password"' in response
    assert "a large housing estate whose urban renewal" not in response


def test_the_english_copy_of_a_restricted_page_is_absent_from_search_sitemap_and_api(client):
    restrict(mantes("fr"))
    english_url = mantes("en").url
    search = client.get("/api/search/", {"q": "Mantes-la-Jolie", "locale": "en"}).json()
    assert all(not result["url"].endswith(english_url) for result in search["results"])
    assert english_url not in client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/", {"locale": "en", "limit": 20, "type": "territories.TerritoryPage"}).json()
    assert "mantes-la-jolie" not in {item["meta"]["slug"] for item in api["items"]}


def test_group_changes_on_a_restriction_reach_the_translations():
    moderators, writers = Group.objects.get(name="Modération"), Group.objects.get(name="Rédaction")
    restriction = restrict(mantes("fr"), PageViewRestriction.GROUPS, groups=[moderators])
    restriction.groups.add(writers)
    mirrored = mantes("en").view_restrictions.get()
    assert set(mirrored.groups.values_list("name", flat=True)) == {"Modération", "Rédaction"}


def test_removing_a_restriction_removes_it_from_the_translations():
    restriction = restrict(mantes("fr"))
    restriction.delete()
    assert not mantes("en").view_restrictions.exists()


def test_deleting_a_page_does_not_lift_the_restriction_of_its_translation():
    restrict(mantes("fr"))
    mantes("fr").delete()
    assert mantes("en").view_restrictions.count() == 1


# Imports ------------------------------------------------------------------------------------
NEW_TERM = [
    {
        "slug": "terme-importe",
        "term": "Zorglub",
        "expansion": "",
        "kind": "expression",
        "domains": [],
        "definition": "Un mot inventé pour ce test.",
        "explanation": "",
        "variants": [],
        "related": [],
        "source": "",
        "uncertain": False,
    }
]


def test_a_term_added_by_import_is_decoded_at_once(client):
    warm(client)
    assert "Zorglub" not in decoded_terms(client, "Le Zorglub du quartier.")
    import_glossary(json.dumps(NEW_TERM), "json")
    assert "Zorglub" in decoded_terms(client, "Le Zorglub du quartier.")


def test_importing_an_unpublished_term_keeps_it_unpublished(client):
    pre_term().unpublish()
    pre = record_of(pre_term())
    pre["definition"] = "Une définition changée par l'import."
    import_glossary(json.dumps([pre]), "json")
    term = pre_term()
    assert term.live is False
    assert term.get_latest_revision_as_object().definition == "Une définition changée par l'import."
    assert "PRE" not in decoded_terms(client, "Le PRE.")


XSS = (
    '<p>Texte <script>alert(1)</script><img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">lien</a><iframe src="https://example.org/"></iframe>'
    '<b onclick="alert(4)">gras</b> <a href="https://www.legifrance.gouv.fr/">Légifrance</a></p>'
    '<form action="https://example.org/"><input name="q"></form>'
    '<meta http-equiv="refresh" content="0;url=https://example.org/">'
)


def test_imported_rich_text_is_cleaned_to_the_editor_features(client):
    record = dict(NEW_TERM[0], explanation=XSS)
    import_glossary(json.dumps([record]), "json")
    stored = GlossaryTermPage.objects.get(slug="terme-importe").explanation
    assert stored == ('<p>Texte <a>lien</a><b>gras</b> <a href="https://www.legifrance.gouv.fr/">Légifrance</a></p>')
    page = client.get("/fr/glossaire/terme-importe/").content.decode()
    api = client.get(
        "/api/v2/pages/", {"type": "glossary.GlossaryTermPage", "slug": "terme-importe", "fields": "explanation"}
    )
    for delivered in (page, api.content.decode()):
        for danger in ("<script>alert", "onerror=", "javascript:", "<iframe", 'http-equiv="refresh"', "example.org"):
            assert danger not in delivered


# Every process shares the cache ----------------------------------------------------------------
PROCESS = textwrap.dedent(
    """
    import os, sys
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.base"
    import django
    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from glossary import linker
    if sys.argv[1] == "read":
        print(settings.CACHES["default"]["BACKEND"])
        print(linker.terms_version())
    else:
        linker.invalidate()
        print(linker.terms_version())
    """
)


def run_process(action, var_dir):
    environment = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "1",
        "VAR_DIR": str(var_dir),
        "PYTHONPATH": str(ROOT),
    }
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", PROCESS, action],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return completed.stdout.split()


def test_without_redis_a_change_made_in_one_process_is_seen_by_another(tmp_path):
    backend, before = run_process("read", tmp_path)
    assert backend == "django.core.cache.backends.filebased.FileBasedCache"
    (changed,) = run_process("invalidate", tmp_path)
    _backend, seen = run_process("read", tmp_path)
    assert before != changed
    assert seen == changed


def test_the_glossary_import_command_invalidates_the_shared_matcher(tmp_path):
    # The command runs in its own process in production; here its version bump must land in the cache.
    from glossary import linker

    before = linker.terms_version()
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(NEW_TERM), encoding="utf-8")
    call_command("import_glossary", str(path), verbosity=0)
    assert linker.terms_version() != before


def test_the_migration_gives_existing_restrictions_to_the_translations():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("hub.migrations.0011_mirror_view_restrictions")
    # As it was before restrictions were mirrored: bulk_create sends no signal.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=mantes("fr"), restriction_type=PageViewRestriction.PASSWORD, password="secret")]
    )
    assert not mantes("en").view_restrictions.exists()
    migration.mirror(apps, None)
    assert mantes("en").view_restrictions.get().password == "secret"
