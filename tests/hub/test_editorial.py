"""The editors' side: groups and their permissions, the review workflow, locking, revisions,
audit log, conflicts, translation sync, deleting a used term, dashboard panels."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

import pytest

from glossary.models import GlossaryTermPage
from hub.models.search_log import SearchMiss
from practices.models import PerspectivePage, PracticePage

pytestmark = pytest.mark.django_db
GROUPS = ["Rédaction", "Modération", "Traduction", "Administration"]


def member(group_name, username=None):
    user = get_user_model().objects.create_user(
        username or f"user-{group_name}", email=f"{username or group_name}@example.org", password="pw"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)


# (action, {group: allowed})
MATRIX = {
    "edit": {"Rédaction": True, "Modération": True, "Traduction": True, "Administration": True},
    "publish": {"Rédaction": False, "Modération": True, "Traduction": False, "Administration": True},
    "delete": {"Rédaction": False, "Modération": True, "Traduction": False, "Administration": True},
    "translate": {"Rédaction": False, "Modération": False, "Traduction": True, "Administration": True},
    "import glossary": {"Rédaction": False, "Modération": True, "Traduction": False, "Administration": True},
    "see the search report": {"Rédaction": True, "Modération": True, "Traduction": False, "Administration": True},
}


def can(user, action, page):
    permissions = page.permissions_for_user(user)
    return {
        "edit": permissions.can_edit,
        "publish": permissions.can_publish,
        "delete": permissions.can_delete,
        "translate": lambda: user.has_perm("wagtail_localize.submit_translation"),
        "import glossary": lambda: user.has_perm("glossary.import_glossary"),
        "see the search report": lambda: user.has_perm("hub.view_searchmiss"),
    }[action]()


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(group, action, french):
    user = member(group)
    for page in (
        PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french),
        GlossaryTermPage.objects.get(slug="pre", locale=french),
    ):
        assert can(user, action, page) is MATRIX[action][group], f"{group} / {action} / {page}"


def test_only_the_four_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) == set(GROUPS)


def test_every_section_is_under_the_relecture_workflow(french):
    workflow = Workflow.objects.get(name="Relecture")
    assert workflow.active
    assert [task.name for task in workflow.tasks] == ["Validation par la modération"]
    for page in Page.objects.filter(locale=french, depth__gte=2)[:50]:
        assert page.get_workflow() == workflow


def test_a_draft_is_published_only_after_a_moderator_approves(client, french):
    writer, moderator = member("Rédaction", "redactrice"), member("Modération", "moderateur")
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french).specific
    page.title = "Titre proposé par la rédaction"
    revision = page.save_revision(user=writer)
    workflow_state = page.get_workflow().start(page, writer)
    assert PracticePage.objects.get(pk=page.pk).title != "Titre proposé par la rédaction"
    assert any("moderateur@example.org" in message.to for message in mail.outbox)

    task_state = workflow_state.current_task_state
    task_state.task.on_action(task_state, moderator, "approve", comment="Relu, d'accord.")
    page.refresh_from_db()
    assert page.title == "Titre proposé par la rédaction"
    assert page.live_revision_id == revision.pk
    assert WorkflowState.objects.get(pk=workflow_state.pk).status == WorkflowState.STATUS_APPROVED


def test_a_moderator_can_reject_with_a_comment(french):
    writer, moderator = member("Rédaction", "redacteur2"), member("Modération", "moderatrice2")
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french).specific
    page.title = "Proposition rejetée"
    page.save_revision(user=writer)
    state = page.get_workflow().start(page, writer)
    task_state = state.current_task_state
    task_state.task.on_action(task_state, moderator, "reject", comment="À revoir.")
    assert PracticePage.objects.get(pk=page.pk).title != "Proposition rejetée"
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_locked_page_tells_who_holds_it(client, french):
    holder, other = member("Modération", "detenteur"), member("Rédaction", "autre")
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    page.locked, page.locked_by = True, holder
    page.save()
    client.force_login(other)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "detenteur" in html


def test_revisions_can_be_compared_and_restored(client, admin_user, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french).specific
    first = page.latest_revision
    page.title = "Deuxième version"
    second = page.save_revision(user=admin_user)
    second.publish()
    client.force_login(admin_user)
    compare = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    revert = client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200


def test_the_audit_log_records_publish_unpublish_and_delete(admin_user, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french).specific
    page.save_revision(user=admin_user).publish(user=admin_user)
    page.unpublish(user=admin_user)
    page_id = page.pk
    page.delete(user=admin_user)
    actions = set(PageLogEntry.objects.filter(page_id=page_id).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish", "wagtail.delete"} <= actions


def test_saving_over_a_newer_version_is_refused(client, admin_user, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french).specific
    loaded = page.latest_revision
    page.title = "Sauvegardé par quelqu'un d'autre"
    page.save_revision(user=member("Modération", "premier"))
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Écrasement",
            "slug": page.slug,
            "problem": rich_text(page.problem),
            "what_is_done": rich_text(page.what_is_done),
            "success_conditions": rich_text(""),
            "pitfalls": rich_text(""),
            "effect_indicators": rich_text(""),
            "result_indicators": rich_text(""),
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            "loaded_revision_id": loaded.pk,
            "loaded_revision_created_at": loaded.created_at.isoformat(),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    html = response.content.decode()
    assert "premier avait enregistré une version plus récente" in html
    assert "/revisions/compare/" in html
    titles = [revision.content["title"] for revision in page.revisions.order_by("-created_at")[:2]]
    assert titles == ["Écrasement", "Sauvegardé par quelqu'un d'autre"], "both versions are kept"
    assert PracticePage.objects.get(pk=page.pk).title != "Écrasement", "nothing is published behind anyone's back"


def test_syncing_after_a_french_edit_updates_the_english_translation(french, english):
    perspective = PerspectivePage.objects.get(number=1, locale=french).specific
    perspective.short_title = "Diagnostiquer ensemble"
    perspective.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(perspective)
    translation = Translation.objects.get(source=source, target_locale=english)
    translation.save_target(publish=True)
    english_page = PerspectivePage.objects.get(translation_key=perspective.translation_key, locale=english)
    # The new French text has no English translation yet: it shows through until translated.
    assert english_page.short_title == "Diagnostiquer ensemble"


def test_deleting_a_used_term_warns_and_links_become_plain_text(client, admin_user, french):
    term = GlossaryTermPage.objects.get(slug="pre", locale=french)
    client.force_login(admin_user)
    confirm = client.get(f"/admin/pages/{term.pk}/delete/")
    assert confirm.status_code == 200
    warning = " ".join(str(message) for message in confirm.context["messages"])
    assert "Ce terme est utilisé dans" in warning
    assert "Dans les territoires dotés" in warning
    url = term.url
    term.delete()
    perspective = PerspectivePage.objects.get(slug="gouvernance-integree", locale=french)
    response = client.get(perspective.url)
    assert response.status_code == 200
    assert url not in response.content.decode()
    assert "PRE" in response.content.decode()


def test_dashboard_panels_for_each_role(client, french):
    SearchMiss.record("terme introuvable", "fr")
    moderator = member("Modération", "tableau")
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Recherches sans résultat" in html
    assert "terme introuvable" in html
    assert "Traductions à mettre à jour" in html
    translator = member("Traduction", "traductrice")
    client.force_login(translator)
    html = client.get("/admin/").content.decode()
    assert "Traductions à mettre à jour" in html
    assert "terme introuvable" not in html


def test_outdated_translations_are_listed_after_a_french_edit(client, french):
    from hub.admin_panels import outdated_translations

    perspective = PerspectivePage.objects.get(number=2, locale=french).specific
    perspective.short_title = "Gouvernance intégrée, revue"
    perspective.save_revision().publish()
    assert perspective.pk in [page.pk for page, _locale in outdated_translations(limit=100)]


def test_the_admin_speaks_french_to_french_users(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert 'lang="fr"' in html
    assert "Tableau de bord" in html


def test_the_glossary_import_is_in_the_audit_log(admin_user):
    from glossary.transfer import export_glossary, import_glossary

    import_glossary(export_glossary("json"), "json", user=admin_user)
    assert (
        ModelLogEntry.objects.filter(action="glossary.import").exists()
        or PageLogEntry.objects.filter(action="glossary.import").exists()
    )


def test_locales_are_french_then_english():
    assert list(Locale.objects.order_by("pk").values_list("language_code", flat=True))[:2] == ["fr", "en"]
