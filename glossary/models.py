from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES
from hub.localization import localized_pages, related_in_any_locale
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


class GlossaryIndexPage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossaire")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = GlossaryTermPage.objects.child_of(self).live().public().order_by("title")
        return context


class GlossaryTermPage(BasePage):
    """One acronym or piece of jargon. Its page title is the term as written in texts."""

    expansion = models.CharField(_("forme développée"), max_length=255, blank=True)
    kind = models.CharField(_("nature"), max_length=20, choices=TermKind.choices, default=TermKind.EXPRESSION)
    domains = ParentalManyToManyField(GlossaryDomain, blank=True, related_name="terms", verbose_name=_("domaines"))
    definition = models.TextField(_("définition courte"), max_length=600)
    explanation = RichTextField(_("explication"), features=RICH_TEXT_FEATURES, blank=True)
    variants = models.TextField(
        _("variantes"),
        blank=True,
        help_text=_("Une forme par ligne : pluriel, féminin, avec ou sans accents ou traits d'union."),
    )
    related_terms = ParentalManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("termes liés"))
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("L'organisme ou le texte qui le définit.")
    )
    uncertain = models.BooleanField(_("définition à confirmer"), default=False)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("expansion"), FieldPanel("kind"), FieldPanel("domains"), FieldPanel("variants")],
            heading=_("Identification"),
        ),
        FieldPanel("definition"),
        FieldPanel("explanation"),
        FieldPanel("related_terms"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("uncertain")], heading=_("Source")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("expansion", boost=3),
        index.SearchField("definition"),
        index.SearchField("explanation"),
        index.SearchField("variants"),
        index.AutocompleteField("expansion"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("termes du glossaire")
        ordering = ["title"]

    @property
    def is_acronym(self):
        return bool(self.expansion)

    @property
    def summary(self):
        return self.listing_summary or self.definition

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_terms"] = localized_pages(self.related_terms.order_by("title"))
        context["modules"] = localized_pages(related_in_any_locale(self, "modules").order_by("title"))
        return context

    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]
