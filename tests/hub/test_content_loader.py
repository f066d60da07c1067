"""load_hub_content is idempotent, keeps editors' work, and loads nothing from a broken file."""

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

import pytest

from hub.content_import import ContentImport
from hub.content_loader import load_hub_content
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_running_the_loader_again_changes_nothing():
    revisions = Revision.objects.count()
    pages = Page.objects.count()
    stats = load_hub_content()
    assert set(stats) == {"unchanged"}
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages


def edit_in_admin(page, title):
    page.title = title
    page.save_revision().publish()


def test_an_editors_change_is_kept_unless_forced(french):
    practice = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    original_title = practice.title
    edit_in_admin(practice, "Titre revu par la rédaction")

    load_hub_content()
    assert PracticePage.objects.get(pk=practice.pk).title == "Titre revu par la rédaction"

    # Even when its content file has changed since, the edited page is kept...
    ContentImport.objects.filter(key="practices/practice/annuaire-des-acteurs").update(digest="changed")
    stats = load_hub_content()
    assert stats["kept (edited in the admin)"] == 1
    assert PracticePage.objects.get(pk=practice.pk).title == "Titre revu par la rédaction"

    # ...until an explicit --force.
    call_command("load_hub_content", "--force", verbosity=0)
    assert PracticePage.objects.get(pk=practice.pk).title == original_title


def test_a_changed_content_file_updates_pages_nobody_edited(french):
    practice = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    practice.title = "Une valeur périmée"
    practice.save()  # no revision: not an editor's change, the loader's page is simply out of date
    ContentImport.objects.filter(key="practices/practice/annuaire-des-acteurs").update(digest="changed")
    stats = load_hub_content()
    assert stats["updated"] == 1
    assert PracticePage.objects.get(pk=practice.pk).title != "Une valeur périmée"


def test_a_broken_content_file_loads_nothing(tmp_path, monkeypatch):
    import glossary.content_loader as glossary_content

    (tmp_path / "index.yaml").write_text((glossary_content.CONTENT_DIR / "index.yaml").read_text())
    (tmp_path / "terms-broken.yaml").write_text("- term: PRE\n  definition: [unclosed\n")
    monkeypatch.setattr(glossary_content, "CONTENT_DIR", tmp_path)
    ContentImport.objects.all().update(digest="changed")
    revisions = Revision.objects.count()
    with pytest.raises(CommandError, match="terms-broken.yaml: line"):
        call_command("load_hub_content", "--force", verbosity=0)
    assert Revision.objects.count() == revisions
