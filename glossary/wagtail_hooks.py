from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from glossary import admin_views
from glossary.transfer import IMPORT_ACTION


@hooks.register("register_admin_urls")
def register_glossary_admin_urls():
    return [
        path("glossary/import/", admin_views.import_view, name="glossary_import"),
        path("glossary/export/<str:file_format>/", admin_views.export_view, name="glossary_export"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_glossary_import_menu_item():
    return PermissionMenuItem(
        _("Import du glossaire"),
        reverse("glossary_import"),
        icon_name="upload",
        order=900,
        permission=admin_views.IMPORT_PERMISSION,
    )


@hooks.register("register_log_actions")
def register_glossary_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("Import du glossaire"), _("Glossaire importé"))
