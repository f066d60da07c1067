"""The glossary's two vocabularies: what kind of term it is, and the domains it belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from hub.taxonomy import VocabularyTerm


class TermKind(models.TextChoices):
    ACRONYM = "acronyme", _("Sigle ou acronyme")
    EXPRESSION = "expression", _("Expression professionnelle")
    PROGRAMME = "dispositif", _("Dispositif ou programme")
    INSTITUTION = "institution", _("Institution ou organisme")
    DIPLOMA = "diplome", _("Diplôme")
    LEGAL = "notion-juridique", _("Notion juridique")


@register_snippet
class GlossaryDomain(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("domaine du glossaire")
        verbose_name_plural = _("domaines du glossaire")
