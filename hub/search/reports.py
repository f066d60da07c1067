from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from hub.models.search_log import SearchMiss

VIEW_PERMISSION = "hub.view_searchmiss"


class SearchMissReportView(ReportView):
    """The searches that found nothing: which terms and pages readers miss."""

    page_title = _("Recherches sans résultat")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-hits"
    index_url_name = "search_misses"
    index_results_url_name = "search_misses_results"
    columns = [
        Column("query_string", label=_("Recherche"), sort_key="query_string"),
        Column("language_code", label=_("Langue")),
        NumberColumn("hits", label=_("Nombre de fois"), sort_key="hits"),
        DateColumn("last_searched_at", label=_("Dernière fois"), sort_key="last_searched_at"),
    ]
    list_export = ["query_string", "language_code", "hits", "last_searched_at"]
    export_headings = {"query_string": _("Recherche"), "language_code": _("Langue"), "hits": _("Nombre de fois")}

    def get_base_queryset(self):
        return SearchMiss.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
