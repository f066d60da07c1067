"""The editorial groups, their permissions, and the "Relecture" workflow on the whole site.

- Rédaction: create and edit drafts of every page (glossary terms included), submit them for review.
- Modération: review (approve or reject), publish, unpublish, lock; import the glossary; pin search results.
- Traduction: translate with wagtail-localize; edits drafts, publishes nothing.
- Administration: every permission.
Wagtail's default "Editors" and "Moderators" groups are removed: these four replace them.
Every group sees the report of searches that found nothing, except Traduction.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITING, MODERATION, TRANSLATION, ADMINISTRATION = "Rédaction", "Modération", "Traduction", "Administration"
PAGE_PERMISSIONS = {
    WRITING: ["add_page", "change_page"],
    MODERATION: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATION: ["add_page", "change_page"],
    ADMINISTRATION: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    WRITING: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    MODERATION: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    TRANSLATION: ["choose_image", "choose_document"],
    ADMINISTRATION: [
        "add_image", "change_image", "delete_image", "choose_image",
        "add_document", "change_document", "delete_document", "choose_document",
    ],
}  # fmt: skip
VOCABULARIES = [
    ("glossary", "glossarydomain"),
    ("territories", "actortype"),
    ("practices", "stage"),
    ("practices", "cooperationobject"),
    ("practices", "essentialcondition"),
]
MODEL_PERMISSIONS = {
    WRITING: [
        ("wagtailadmin", "access_admin"),
        ("hub", "view_searchmiss"),
        *[(app, f"{action}_{model}") for app, model in VOCABULARIES for action in ("add", "change", "view")],
    ],
    MODERATION: [
        ("wagtailadmin", "access_admin"),
        ("hub", "view_searchmiss"),
        ("glossary", "import_glossary"),
        ("wagtailsearchpromotions", "add_searchpromotion"),
        ("wagtailsearchpromotions", "change_searchpromotion"),
        ("wagtailsearchpromotions", "delete_searchpromotion"),
        *[(app, f"{action}_{model}") for app, model in VOCABULARIES for action in ("add", "change", "view")],
    ],
    TRANSLATION: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        *[(app, f"{action}_{model}") for app, model in VOCABULARIES for action in ("change", "view")],
    ],
}
WORKFLOW, TASK = "Relecture", "Validation par la modération"


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; this migration needs them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    for name, group in groups.items():
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
            )
        for codename in COLLECTION_PERMISSIONS[name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, app_label, codename)
            )
        if name == ADMINISTRATION:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set([permission(apps, app_label, codename) for app_label, codename in MODEL_PERMISSIONS[name]])


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, active=True, content_type=task_type)
    task.groups.set([Group.objects.get(name=MODERATION)])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})
    # Wagtail's default "Moderators approval" workflow and its two groups are replaced by these.
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0003_search_miss"),
        ("glossary", "0002_import_permission"),
        ("practices", "0002_initial"),
        ("territories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
