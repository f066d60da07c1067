from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from glossary.models import GlossaryTermPage
from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES
from hub.localization import localized_pages
from practices.blocks import ActivitiesBlock, ModuleSectionsBlock, QuizBlock


class DiplomaLevel(models.TextChoices):
    LEVEL_4 = "niveau-4", _("Niveau 4 (baccalauréat)")
    LEVEL_5 = "niveau-5", _("Niveau 5 (bac + 2)")
    LEVEL_6 = "niveau-6", _("Niveau 6 (licence, bac + 3)")
    LEVEL_7 = "niveau-7", _("Niveau 7 (master, bac + 5)")


class TrainingModulePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.TrainingModulePage", related_name="tagged_items", on_delete=models.CASCADE)


class TrainingModulePage(BasePage):
    """A training module for schools of social work, built from the research-action's findings."""

    audience = RichTextField(_("public"), features=RICH_TEXT_FEATURES)
    diploma_level = models.CharField(_("niveau de diplôme visé"), max_length=10, choices=DiplomaLevel.choices)
    duration_minutes = models.PositiveIntegerField(_("durée (minutes)"))
    objectives = RichTextField(_("objectifs pédagogiques"), features=RICH_TEXT_FEATURES)
    prerequisites = RichTextField(_("prérequis"), features=RICH_TEXT_FEATURES, blank=True)
    sections = StreamField(ModuleSectionsBlock(), verbose_name=_("séquences"))
    activities = StreamField(ActivitiesBlock(), blank=True, verbose_name=_("activités"))
    quiz = StreamField(QuizBlock(), blank=True, verbose_name=_("quiz"))
    practices = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="modules", verbose_name=_("pratiques liées")
    )
    perspectives = ParentalManyToManyField(
        "practices.PerspectivePage", blank=True, related_name="modules", verbose_name=_("perspectives liées")
    )
    terms = ParentalManyToManyField(
        GlossaryTermPage, blank=True, related_name="modules", verbose_name=_("termes du glossaire")
    )
    tags = ClusterTaggableManager(through=TrainingModulePageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("audience"), FieldRowPanel([FieldPanel("diploma_level"), FieldPanel("duration_minutes")])],
            heading=_("Public et format"),
        ),
        FieldPanel("objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("sections"),
        FieldPanel("activities"),
        FieldPanel("quiz"),
        MultiFieldPanel(
            [FieldPanel("practices"), FieldPanel("perspectives"), FieldPanel("terms"), FieldPanel("tags")],
            heading=_("Liens"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("sections"),
        index.SearchField("activities"),
        index.FilterField("diploma_level"),
    ]
    parent_page_types = ["practices.TrainingModuleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module de formation")
        verbose_name_plural = _("modules de formation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            practices=localized_pages(self.practices.order_by("title")),
            perspectives=localized_pages(self.perspectives.order_by("number")),
            terms=localized_pages(self.terms.order_by("title")),
        )
        return context

    @property
    def duration_hours(self):
        return round(self.duration_minutes / 60, 1)
