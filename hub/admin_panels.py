"""Dashboard panels: translations that are out of date, and searches that found nothing.

Pages awaiting review are Wagtail's own panels ("Awaiting your review" for moderators, "Your
pages in a workflow" for editors).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from hub.models.search_log import SearchMiss
from hub.search.reports import VIEW_PERMISSION


def outdated_translations(limit=10):
    """Translations whose source page was saved again after the translation was last synchronised."""
    translations = (
        Translation.objects.filter(enabled=True, source__specific_content_type__model__endswith="page")
        .select_related("source", "target_locale")
        .order_by("-source__last_updated_at")
    )
    sources = {}
    for translation in translations:
        sources.setdefault(translation.source.object_id, []).append(translation)
    pages = Page.objects.filter(translation_key__in=list(sources), alias_of__isnull=True).select_related("locale")
    outdated = []
    for page in pages:
        for translation in sources.get(page.translation_key, []):
            if page.locale_id != translation.source.locale_id:
                continue
            if page.latest_revision_created_at and page.latest_revision_created_at > translation.source.last_updated_at:
                outdated.append((page, translation.target_locale))
    outdated.sort(key=lambda item: item[0].latest_revision_created_at, reverse=True)
    return outdated[:limit]


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    order = 160
    template_name = "hub/admin/outdated_translations_panel.html"

    def get_context_data(self, parent_context=None):
        return {"outdated": outdated_translations(), "title": _("Traductions à mettre à jour")}


class SearchMissesPanel(Component):
    name = "search_misses"
    order = 170
    template_name = "hub/admin/search_misses_panel.html"

    def get_context_data(self, parent_context=None):
        return {"misses": SearchMiss.objects.all()[:10], "title": _("Recherches sans résultat")}


def dashboard_panels(request):
    panels = []
    user = request.user
    if user.has_perm("wagtail_localize.submit_translation") or PagePermissionPolicy().user_has_permission(
        user, "publish"
    ):
        panels.append(OutdatedTranslationsPanel())
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(SearchMissesPanel())
    return panels
