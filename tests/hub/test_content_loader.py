"""load_hub_content is idempotent, keeps editors' work, and loads nothing from a broken file.

It finds each page again by its content key: a page deleted in the admin is not created again,
a renamed or moved one is not duplicated, and the command says what it skipped and why.
"""

from io import StringIO

from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page, Revision

import pytest

from glossary.models import GlossaryTermPage
from hub.content_import import ContentImport
from hub.content_loader import load_hub_content
from hub.models import ContentPage
from practices.models import PracticePage
from territories.models import TerritoryIndexPage, TerritoryPage

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


def test_an_editors_change_is_kept_even_when_its_file_changed(french):
    practice = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    edit_in_admin(practice, "Titre revu par la rédaction")

    load_hub_content()
    assert PracticePage.objects.get(pk=practice.pk).title == "Titre revu par la rédaction"

    # Even when its content file has changed since, the edited page is kept...
    ContentImport.objects.filter(key="practices/practice/annuaire-des-acteurs").update(digest="changed")
    stats = load_hub_content()
    assert stats["kept (edited in the admin)"] == 1
    assert PracticePage.objects.get(pk=practice.pk).title == "Titre revu par la rédaction"
    # An explicit --force puts the file's content back: test_force_overwrites_editors_changes_in_place_...


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


# Deleted, renamed and moved pages ------------------------------------------------------------
# An editor's deletion, rename or move is found again by the page's content key, not its slug.


def load(*args):
    """Run the command as `make content` does and return what it printed."""
    out = StringIO()
    call_command("load_hub_content", *args, stdout=out)
    return out.getvalue()


def file_changed(key):
    ContentImport.objects.filter(key=key).update(digest="changed")


def delete_in_admin(client, page):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302


def test_a_term_deleted_in_the_admin_is_not_created_again_and_the_reload_says_so(admin_client, french, english):
    term = GlossaryTermPage.objects.get(slug="pre", locale=french)
    # Wagtail's admin deletes a French page alone (wagtail-localize does not cascade): the editor deletes both.
    delete_in_admin(admin_client, GlossaryTermPage.objects.get(translation_key=term.translation_key, locale=english))
    delete_in_admin(admin_client, term)
    assert not GlossaryTermPage.objects.filter(translation_key=term.translation_key).exists()
    file_changed("glossary/term/pre")

    output = load()

    assert "skipped glossary/term/pre: deleted in the admin, not created again" in output
    assert "1 skipped (deleted in the admin)" in output
    assert not GlossaryTermPage.objects.filter(slug="pre").exists()


def test_a_deleted_term_stays_deleted_on_the_next_runs(admin_client, french):
    delete_in_admin(admin_client, GlossaryTermPage.objects.get(slug="pre", locale=french))
    load()
    revisions, pages = Revision.objects.count(), Page.objects.count()

    stats = load_hub_content()

    assert set(stats) == {"unchanged", "skipped (deleted in the admin)"}
    assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)


def test_a_french_term_deleted_alone_leaves_its_english_translation_untouched_and_says_so(
    admin_client, french, english
):
    term = GlossaryTermPage.objects.get(slug="pre", locale=french)
    translation = GlossaryTermPage.objects.get(translation_key=term.translation_key, locale=english)
    delete_in_admin(admin_client, term)
    revisions = Revision.objects.count()

    output = load()

    assert f"its English translation {translation.get_url()} was not deleted" in output
    assert not GlossaryTermPage.objects.filter(slug="pre", locale=french).exists()
    assert GlossaryTermPage.objects.get(pk=translation.pk).live
    assert Revision.objects.count() == revisions


def test_restore_deleted_creates_a_deleted_term_again_with_its_english_translation(
    admin_client, french, english, django_capture_on_commit_callbacks
):
    term = GlossaryTermPage.objects.get(slug="pre", locale=french)
    translation = GlossaryTermPage.objects.get(translation_key=term.translation_key, locale=english)
    delete_in_admin(admin_client, translation)
    delete_in_admin(admin_client, term)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes new translations on commit
        load("--restore-deleted")

    restored = GlossaryTermPage.objects.get(slug="pre", locale=french)
    assert restored.live
    assert GlossaryTermPage.objects.get(translation_key=restored.translation_key, locale=english).live
    assert ContentImport.objects.get(key="glossary/term/pre").page_id == restored.pk


def test_restore_deleted_gives_a_restored_term_back_the_english_translation_left_in_place(
    admin_client, french, english
):
    term = GlossaryTermPage.objects.get(slug="pre", locale=french)
    translation = GlossaryTermPage.objects.get(translation_key=term.translation_key, locale=english)
    delete_in_admin(admin_client, term)
    english_terms = GlossaryTermPage.objects.filter(locale=english).count()

    load("--restore-deleted")

    restored = GlossaryTermPage.objects.get(slug="pre", locale=french)
    assert restored.translation_key == translation.translation_key
    assert GlossaryTermPage.objects.filter(locale=english).count() == english_terms


def test_an_english_translation_deleted_alone_is_not_created_again(admin_client, french, english):
    territory = TerritoryPage.objects.get(slug="brest", locale=french)
    translation = TerritoryPage.objects.get(translation_key=territory.translation_key, locale=english)
    delete_in_admin(admin_client, translation)
    file_changed("territories/brest")
    territory.title = "Une valeur périmée"
    territory.save()

    output = load()

    assert TerritoryPage.objects.get(pk=territory.pk).title != "Une valeur périmée"  # the French page is updated
    assert "updated territories/brest without its English translation: deleted in the admin" in output
    assert not TerritoryPage.objects.filter(translation_key=territory.translation_key, locale=english).exists()


def test_a_page_renamed_in_the_admin_is_kept_and_not_duplicated_at_its_old_slug(french, english):
    page = ContentPage.objects.get(slug="a-propos", locale=french)
    english_page = ContentPage.objects.get(translation_key=page.translation_key, locale=english)
    pages = Page.objects.count()
    page.slug = "qui-sommes-nous"
    page.save_revision().publish()
    file_changed("hub/page/a-propos")

    output = load()

    assert "kept hub/page/a-propos: edited in the admin" in output
    assert Page.objects.count() == pages
    assert not ContentPage.objects.filter(slug="a-propos", locale=french).exists()
    assert ContentPage.objects.get(pk=page.pk).slug == "qui-sommes-nous"
    assert list(ContentPage.objects.filter(translation_key=page.translation_key, locale=english)) == [english_page]


def test_a_page_unpublished_in_the_admin_is_not_published_again(admin_client, french):
    practice = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[practice.pk]))
    assert response.status_code == 302
    file_changed("practices/practice/annuaire-des-acteurs")

    output = load()

    assert "kept practices/practice/annuaire-des-acteurs: unpublished in the admin" in output
    assert not PracticePage.objects.get(pk=practice.pk).live


def test_force_overwrites_editors_changes_in_place_but_brings_back_nothing_they_removed(admin_client, french, english):
    page = ContentPage.objects.get(slug="a-propos", locale=french)
    english_page = ContentPage.objects.get(translation_key=page.translation_key, locale=english)
    title = page.title
    page.slug = "qui-sommes-nous"
    page.title = "Qui sommes-nous"
    page.save_revision().publish()
    delete_in_admin(admin_client, GlossaryTermPage.objects.get(slug="pre", locale=french))
    practice = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    practice.unpublish()
    pages = Page.objects.count()

    # One run for all three (a forced load rewrites every page); other terms and modules link to the deleted term.
    output = load("--force")

    page.refresh_from_db()
    assert (page.title, page.slug) == (title, "a-propos")  # the same page, back to what the file says
    assert list(ContentPage.objects.filter(translation_key=page.translation_key, locale=english)) == [english_page]
    assert "skipped glossary/term/pre: deleted in the admin" in output
    assert Page.objects.count() == pages
    practice.refresh_from_db()
    assert not practice.live
    assert practice.has_unpublished_changes  # updated as a draft


def test_a_moved_page_is_updated_where_it_now_lives_and_not_duplicated(french, english):
    page = ContentPage.objects.get(slug="a-propos", locale=french)
    new_parent = ContentPage.objects.get(slug="la-recherche-action", locale=french)
    pages = Page.objects.count()
    MovePageAction(page, new_parent, pos="last-child").execute(skip_permission_checks=True)
    page = ContentPage.objects.get(pk=page.pk)
    page.title = "Une valeur périmée"
    page.save()  # no revision: the loader's page, out of date
    file_changed("hub/page/a-propos")

    stats = load_hub_content()

    assert stats["updated"] == 1
    moved = ContentPage.objects.get(pk=page.pk)
    assert moved.get_parent().pk == new_parent.pk
    assert moved.title != "Une valeur périmée"
    assert Page.objects.count() == pages
    assert ContentPage.objects.filter(translation_key=page.translation_key, locale=english).count() == 1


def test_a_new_item_whose_parent_was_deleted_is_skipped_with_its_reason(admin_client, french):
    index = TerritoryIndexPage.objects.get(locale=french)
    delete_in_admin(admin_client, index)
    ContentImport.objects.filter(key="territories/brest").delete()  # as if brest were new in the files

    output = load()

    assert "skipped territories/brest: its parent page was deleted in the admin" in output
    assert "skipped territories/index: deleted in the admin" in output
    assert not TerritoryPage.objects.filter(locale=french).exists()


def test_a_page_an_editor_created_at_a_new_items_place_is_adopted_not_overwritten(french):
    page = ContentPage.objects.get(slug="a-propos", locale=french)
    ContentImport.objects.filter(key="hub/page/a-propos").delete()  # as if a-propos were new in the files
    edit_in_admin(page, "Écrite par la rédaction")
    pages = Page.objects.count()

    output = load()

    assert "kept hub/page/a-propos: the page at its place" in output
    assert Page.objects.count() == pages
    assert ContentPage.objects.get(pk=page.pk).title == "Écrite par la rédaction"
    assert ContentImport.objects.get(key="hub/page/a-propos").page_id == page.pk
