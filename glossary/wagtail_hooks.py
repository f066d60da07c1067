from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from glossary import admin_views
from glossary.models import GlossaryTermPage
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


@hooks.register("before_delete_page")
def warn_before_deleting_a_used_term(request, page):
    """Before a term is deleted, tell the editor where it is used; its links will become plain text."""
    if request.method != "GET" or not isinstance(page.specific, GlossaryTermPage):
        return None
    pages = list(Page.objects.filter(term_usages__term=page).order_by("title").values_list("title", flat=True))
    linked = list(page.specific.modules.all()) + list(GlossaryTermPage.objects.filter(related_terms=page))
    titles = pages + [str(item) for item in linked if str(item) not in pages]
    if titles:
        messages.warning(
            request,
            gettext(
                "Ce terme est utilisé dans %(count)s page(s) : %(pages)s. Après suppression, ses mentions "
                "resteront en texte simple, sans lien."
            )
            % {"count": len(titles), "pages": " ; ".join(titles)},
        )
    return None
