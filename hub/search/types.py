"""The kinds of page that search returns, and the fields it reads of each result."""

from django.utils.translation import gettext_lazy as _

from glossary.models import GlossaryTermPage
from hub.models import ContentPage
from practices.models import FictionalCasePage, ObstaclePage, PerspectivePage, PracticePage, TrainingModulePage
from territories.models import CooperatingActorsPage, TerritoryPage

RESULT_TYPES = {
    "territory": (TerritoryPage, _("Territoire")),
    "practice": (PracticePage, _("Bonne pratique")),
    "perspective": (PerspectivePage, _("Perspective")),
    "obstacle": (ObstaclePage, _("Frein")),
    "module": (TrainingModulePage, _("Module de formation")),
    "term": (GlossaryTermPage, _("Glossaire")),
    "page": (ContentPage, _("Page")),
    "actors": (CooperatingActorsPage, _("Acteurs")),
    "case": (FictionalCasePage, _("Cas d'étude fictif")),
}
# The fields of a page that ranking, facets and a result's title and URL read.
RESULT_FIELDS = ("id", "title", "content_type_id", "url_path", "live_revision_id", "locale_id")
