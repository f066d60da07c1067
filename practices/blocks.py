"""Blocks of a training module: sections, activities, quiz, its timed plan, the teacher's guide and the handout."""

from django.core.exceptions import ValidationError
from django.db import models
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
    case_variant = blocks.RichTextBlock(
        label=_("Variante sur le territoire fictif"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Pour les étudiants sans terrain de stage : la même activité menée sur Castelmoutier."),
    )

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


class PlanStepKind(models.TextChoices):
    OPENING = "opening", _("Accueil")
    SECTION = "section", _("Séquence")
    ACTIVITY = "activity", _("Activité")
    BREAK = "break", _("Pause")
    QUIZ = "quiz", _("Quiz")
    DEBRIEF = "debrief", _("Bilan")


class PlanStepBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Nature"), choices=PlanStepKind.choices)
    number = blocks.IntegerBlock(
        label=_("Numéro"),
        min_value=1,
        required=False,
        help_text=_("Pour une séquence ou une activité : son rang dans le module (1 pour la première)."),
    )
    title = blocks.CharBlock(
        label=_("Titre"),
        max_length=200,
        required=False,
        help_text=_("Pour l'accueil, une pause, le quiz ou le bilan ; une séquence ou une activité garde le sien."),
    )
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, max_value=600)

    class Meta:
        icon = "time"
        label = _("Étape")


class PlanBlock(blocks.StreamBlock):
    step = PlanStepBlock()

    class Meta:
        help_text = _(
            "Le déroulé minuté : chaque séquence et chaque activité une fois, par son numéro ; "
            "le total doit être égal à la durée du module."
        )


class ExpectedOutputBlock(blocks.StructBlock):
    activity = blocks.CharBlock(label=_("Activité"), max_length=200)
    text = blocks.RichTextBlock(label=_("Production attendue"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "tick-inverse"
        label = _("Production attendue")


class ModelAnswerBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.RichTextBlock(label=_("Corrigé"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Corrigé type")


class MisconceptionBlock(blocks.StructBlock):
    misconception = blocks.TextBlock(label=_("Idée reçue"))
    correction = blocks.TextBlock(label=_("Ce qu'il faut rectifier"))

    class Meta:
        icon = "warning"
        label = _("Idée reçue")


class TeacherGuideBlock(blocks.StreamBlock):
    expected_output = ExpectedOutputBlock()
    model_answer = ModelAnswerBlock()
    debrief_question = blocks.TextBlock(label=_("Question de bilan"), icon="help")
    misconception = MisconceptionBlock()


class RubricCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("Critère"), max_length=300)
    descriptors = blocks.ListBlock(blocks.TextBlock(label=_("Descripteur")), label=_("Un descripteur par niveau"))

    class Meta:
        icon = "list-ul"
        label = _("Critère")


class RubricBlock(blocks.StructBlock):
    assignment = blocks.RichTextBlock(label=_("Consigne du devoir"), features=RICH_TEXT_FEATURES)
    levels = blocks.ListBlock(blocks.CharBlock(label=_("Niveau"), max_length=80), label=_("Niveaux"), min_num=2)
    criteria = blocks.ListBlock(RubricCriterionBlock(), label=_("Critères"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Grille d'évaluation")

    def clean(self, value):
        value = super().clean(value)
        levels = len(value["levels"])
        for criterion in value["criteria"]:
            if len(criterion["descriptors"]) != levels:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "criteria": ValidationError(
                            _("Le critère « %(criterion)s » a %(count)s descripteurs pour %(levels)s niveaux.")
                            % {
                                "criterion": criterion["criterion"],
                                "count": len(criterion["descriptors"]),
                                "levels": levels,
                            }
                        )
                    }
                )
        return value


class RubricStreamBlock(blocks.StreamBlock):
    rubric = RubricBlock()


class ReadingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Référence"), max_length=300)
    note = blocks.TextBlock(label=_("Pourquoi la lire"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Lecture")


class HandoutBlock(blocks.StreamBlock):
    key_point = blocks.TextBlock(label=_("À retenir"), icon="pick")
    reading = ReadingBlock()
