"""Where a piece of content comes from: the research-action's synthesis, or the editors.

Students cite this site: what the synthesis says and what the editors add must be told apart on
the page, and the page must say which section of the synthesis a passage comes from.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SYNTHESIS = "Synthèse de la recherche-action « Coopération socio-éducative de territoire », CNLAPS, décembre 2021"


class Provenance(models.TextChoices):
    SYNTHESIS = "synthese", _("la synthèse de la recherche-action")
    EDITORIAL = "redaction", _("Repères de la rédaction : ajouts des éditeurs, absents de la synthèse")
