from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES


class CaseDocumentKind(models.TextChoices):
    MINUTES = "minutes", _("Compte rendu de réunion")
    CALL_FOR_PROJECTS = "call-for-projects", _("Extrait d'appel à projets")
    EMAIL = "email", _("Échange de courriels")


class CaseSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Partie")


class CaseActorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Nom"), max_length=200)
    kind = blocks.CharBlock(label=_("Type d'acteur"), max_length=200)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "group"
        label = _("Acteur")


class CaseDocumentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Nature"), choices=CaseDocumentKind.choices)
    title = blocks.CharBlock(label=_("Titre"), max_length=300)
    text = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-empty"
        label = _("Document fictif")


class FictionalCasePage(BasePage):
    """An invented territory that every module's activities can use instead of a placement; says so everywhere."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    sections = StreamField([("section", CaseSectionBlock())], verbose_name=_("présentation"))
    actors = StreamField([("actor", CaseActorBlock())], verbose_name=_("acteurs"))
    documents = StreamField([("document", CaseDocumentBlock())], verbose_name=_("documents fictifs"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("sections"),
        FieldPanel("actors"),
        FieldPanel("documents"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("sections")]
    parent_page_types = ["practices.TrainingModuleIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("territoire fictif")
        verbose_name_plural = _("territoires fictifs")
