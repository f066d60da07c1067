from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.localization import localized_objects, localized_pages, related_in_any_locale
from hub.provenance import SYNTHESIS, Provenance
from territories.models import ActorType, TerritoryPage

from .taxonomy import CooperationObject, Stage


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.PracticePage", related_name="tagged_items", on_delete=models.CASCADE)


class PracticePage(BasePage):
    """A good practice of cooperation brought to light by the research-action."""

    problem = RichTextField(_("le problème"), features=RICH_TEXT_FEATURES)
    what_is_done = RichTextField(_("ce qui est fait"), features=RICH_TEXT_FEATURES)
    synthesis_section = models.CharField(
        _("section de la synthèse"),
        max_length=255,
        blank=True,
        help_text=_(
            "Le titre, tel qu'il est écrit, de la section de la synthèse d'où viennent le problème et ce qui est fait."
        ),
    )
    actor_types = ParentalManyToManyField(
        ActorType, blank=True, related_name="practices", verbose_name=_("acteurs impliqués")
    )
    success_conditions = RichTextField(_("conditions de réussite"), features=RICH_TEXT_FEATURES, blank=True)
    pitfalls = RichTextField(_("points de vigilance"), features=RICH_TEXT_FEATURES, blank=True)
    effect_indicators = RichTextField(_("indicateurs d'effectivité"), features=RICH_TEXT_FEATURES, blank=True)
    result_indicators = RichTextField(_("indicateurs de résultat"), features=RICH_TEXT_FEATURES, blank=True)
    guidance_provenance = models.CharField(
        _("provenance des conditions, points de vigilance et indicateurs"),
        max_length=20,
        choices=Provenance.choices,
        default=Provenance.EDITORIAL,
    )
    stages = ParentalManyToManyField(Stage, blank=True, related_name="practices", verbose_name=_("étapes servies"))
    objects_of_cooperation = ParentalManyToManyField(
        CooperationObject, blank=True, related_name="practices", verbose_name=_("objets de coopération")
    )
    territories = ParentalManyToManyField(
        TerritoryPage, blank=True, related_name="practices", verbose_name=_("territoires où elle a été observée")
    )
    perspectives = ParentalManyToManyField(
        "practices.PerspectivePage", blank=True, related_name="practices", verbose_name=_("perspectives servies")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("compléments"))
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("problem"),
        FieldPanel("what_is_done"),
        FieldPanel("synthesis_section"),
        FieldPanel("actor_types"),
        MultiFieldPanel(
            [
                FieldPanel("guidance_provenance"),
                FieldPanel("success_conditions"),
                FieldPanel("pitfalls"),
                FieldPanel("effect_indicators"),
                FieldPanel("result_indicators"),
            ],
            heading=_("Conditions, vigilance et indicateurs"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("stages"),
                FieldPanel("objects_of_cooperation"),
                FieldPanel("territories"),
                FieldPanel("perspectives"),
                FieldPanel("tags"),
            ],
            heading=_("Classement"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("what_is_done"),
        index.SearchField("success_conditions"),
        index.SearchField("body"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bonne pratique")
        verbose_name_plural = _("bonnes pratiques")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            stages=localized_objects(self.stages.all()),
            objects=localized_objects(self.objects_of_cooperation.all()),
            actor_types=localized_objects(self.actor_types.all()),
            perspectives=localized_pages(self.perspectives.order_by("number")),
            obstacles=localized_pages(related_in_any_locale(self, "obstacles").order_by("title")),
            territories=localized_pages(self.territories.order_by("title")),
            modules=localized_pages(related_in_any_locale(self, "modules").order_by("title")),
            synthesis=SYNTHESIS,
        )
        return context
