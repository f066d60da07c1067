from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

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
