from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.admin_panels import dashboard_panels
from hub.search.reports import VIEW_PERMISSION, SearchMissReportView


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
