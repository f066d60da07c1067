"""Blocks of a training module: ordered sections, activities and a self-check quiz."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from hub.blocks import RICH_TEXT_FEATURES


class ModuleSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.RichTextBlock(label=_("Contenu"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "practices/blocks/module_section_block.html"
        label = _("Séquence")
        description = _("Une séquence du module, dans l'ordre où elle est enseignée.")
        preview_value = {
            "title": "Pourquoi coopérer ?",
            "text": "<p>Aucun acteur ne répond seul à tous les besoins.</p>",
        }


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    duration_minutes = blocks.IntegerBlock(label=_("Durée (minutes)"), min_value=5, max_value=600)
    instructions = blocks.RichTextBlock(label=_("Consignes"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "group"
        template = "practices/blocks/activity_block.html"
        label = _("Activité")
        description = _("Un exercice à mener en groupe, avec sa durée et ses consignes.")
        preview_value = {
            "title": "Cartographier les acteurs",
            "duration_minutes": 45,
            "instructions": "<p>Par groupes, dressez la carte des acteurs d'un territoire.</p>",
        }


class QuizChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Réponse proposée"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Bonne réponse"), required=False)

    class Meta:
        icon = "tick"
        label = _("Réponse")


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    choices = blocks.ListBlock(QuizChoiceBlock(), label=_("Réponses proposées"), min_num=2)
    explanation = blocks.TextBlock(label=_("Explication"))

    class Meta:
        icon = "help"
        template = "practices/blocks/quiz_question_block.html"
        label = _("Question")
        description = _("Une question à choix, sa bonne réponse et son explication.")
        preview_value = {
            "question": "La confiance entre acteurs peut-elle se décréter ?",
            "choices": [{"text": "Oui", "correct": False}, {"text": "Non", "correct": True}],
            "explanation": "Elle naît de la rencontre et de la connaissance mutuelle.",
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Cochez exactement une bonne réponse."))}
            )
        return value


class ModuleSectionsBlock(blocks.StreamBlock):
    section = ModuleSectionBlock()


class ActivitiesBlock(blocks.StreamBlock):
    activity = ActivityBlock()


class QuizBlock(blocks.StreamBlock):
    question = QuizQuestionBlock()
