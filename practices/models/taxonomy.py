from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from hub.taxonomy import VocabularyTerm


@register_snippet
class Stage(VocabularyTerm):
    """One of the five stages of the relationship with the young person that the seed names."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("étape de la relation")
        verbose_name_plural = _("étapes de la relation")


@register_snippet
class CooperationObject(VocabularyTerm):
    """What the cooperation is about: a public policy, a programme, a co-run action, shared follow-up."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("objet de coopération")
        verbose_name_plural = _("objets de coopération")


@register_snippet
class EssentialCondition(VocabularyTerm):
    """One of the five essential conditions for putting the perspectives into practice."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("condition essentielle")
        verbose_name_plural = _("conditions essentielles")


@register_snippet
class Diploma(VocabularyTerm):
    """A diploma of social work or youth work, with the official text its competence blocks are read in."""

    level = models.PositiveSmallIntegerField(_("niveau (cadre national des certifications)"), null=True, blank=True)
    reference_title = models.CharField(_("texte de référence"), max_length=300)
    reference_url = models.URLField(_("adresse où le texte a été lu"), max_length=500)
    consulted_on = models.DateField(_("consulté le"))

    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("level"),
        FieldPanel("reference_title"),
        FieldPanel("reference_url"),
        FieldPanel("consulted_on"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [SynchronizedField("reference_url"), SynchronizedField("reference_title")]

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("diplôme")
        verbose_name_plural = _("diplômes")
