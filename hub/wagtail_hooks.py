from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from hub.admin_panels import dashboard_panels
from hub.search.reports import VIEW_PERMISSION, SearchMissReportView
from hub.taxonomy import Theme


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/search-misses/", SearchMissReportView.as_view(), name="search_misses"),
        path(
            "reports/search-misses/results/",
            SearchMissReportView.as_view(results_only=True),
            name="search_misses_results",
        ),
    ]


class SearchMissMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_miss_report_menu_item():
    return SearchMissMenuItem(_("Recherches sans résultat"), reverse("search_misses"), icon_name="search", order=1310)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(dashboard_panels(request))


@hooks.register("before_edit_page")
def remember_editing_conflict(request, page):
    """Note when the editor's form was loaded from an older revision than the page's latest."""
    if request.method != "POST":
        return None
    loaded = request.POST.get("loaded_revision_id")
    latest = page.get_latest_revision()
    if loaded and latest and loaded != str(latest.pk) and not request.POST.get("overwrite_revision_id"):
        request.editing_conflict = latest
    return None


@hooks.register("after_edit_page")
def tell_about_editing_conflict(request, page):
    """Both versions stay in the history; the editor is told, with the comparison one click away."""
    newer = getattr(request, "editing_conflict", None)
    if newer is None:
        return None
    current = page.get_latest_revision()
    compare_url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, newer.pk, current.pk])
    messages.warning(
        request,
        format_html(
            _(
                "{user} avait enregistré une version plus récente pendant que vous modifiiez cette page. "
                'Les deux versions sont conservées dans l’historique : <a href="{url}">comparez-les</a> '
                "avant de publier."
            ),
            user=newer.user.get_username() if newer.user else _("Un autre rédacteur"),
            url=compare_url,
        ),
    )
    return None


register_snippet(Theme)  # editors name each theme in each language (Snippets → Thèmes)
