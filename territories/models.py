from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.localization import localized_objects, localized_pages, related_in_any_locale
from hub.taxonomy import VocabularyTerm
from territories.map import territory_map


class Presence(models.TextChoices):
    YES = "yes", _("Oui")
    NO = "no", _("Non")
    UNKNOWN = "unknown", _("Non précisé par la synthèse")


class BodyLevel(models.TextChoices):
    STEERING = "pilotage", _("Instance de pilotage")
    TECHNICAL = "technique", _("Instance technique")
    CASE_SHARING = "partage-de-situation", _("Instance de partage de situation")


@register_snippet
class ActorType(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("type d'acteur")
        verbose_name_plural = _("types d'acteurs")


class TerritoryIndexPage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["territories.TerritoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index des territoires")

    def territories(self):
        return TerritoryPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        territories = list(self.territories())
        context["territories"] = territories
        context["map"] = territory_map(territories)
        return context


class TerritoryPageTag(TaggedItemBase):
    content_object = ParentalKey("territories.TerritoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class TerritoryPage(BasePage):
    """The case study of one of the six territories of the research-action."""

    department_name = models.CharField(_("département"), max_length=80)
    department_number = models.CharField(_("numéro du département"), max_length=3)
    region = models.CharField(_("région"), max_length=80)
    perimeter = RichTextField(_("périmètre étudié"), features=RICH_TEXT_FEATURES, blank=True)
    actor_structuring = RichTextField(_("structuration du jeu d'acteurs"), features=RICH_TEXT_FEATURES, blank=True)
    cite_educative = models.CharField(
        _("Cité éducative"), max_length=10, choices=Presence.choices, default=Presence.UNKNOWN
    )
    social_mediation = models.CharField(
        _("équipes de médiation sociale"), max_length=10, choices=Presence.choices, default=Presence.UNKNOWN
    )
    actor_types = ParentalManyToManyField(
        ActorType, blank=True, related_name="territories", verbose_name=_("acteurs présents, par type")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=7, decimal_places=4)
    longitude = models.DecimalField(_("longitude"), max_digits=7, decimal_places=4)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("étude de cas"))
    tags = ClusterTaggableManager(through=TerritoryPageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("department_name"), FieldPanel("department_number")]),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Situation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("perimeter"),
                FieldPanel("actor_structuring"),
                FieldRowPanel([FieldPanel("cite_educative"), FieldPanel("social_mediation")]),
            ],
            heading=_("Critères de sélection"),
        ),
        FieldPanel("actor_types"),
        InlinePanel("cooperation_bodies", label=_("Instances de coopération")),
        FieldPanel("body"),
        InlinePanel("related_links", label=_("Pages liées")),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("department_name"),
        index.SearchField("region"),
        index.SearchField("perimeter"),
        index.SearchField("actor_structuring"),
        index.SearchField("body"),
        index.AutocompleteField("department_name"),
    ]
    parent_page_types = ["territories.TerritoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["actor_types"] = localized_objects(self.actor_types.all())
        context["related"] = localized_pages(
            Page.objects.filter(territory_links__page=self).order_by("territory_links__sort_order")
        )
        context["practices_seen"] = localized_pages(related_in_any_locale(self, "practices").order_by("title"))
        return context


class CooperationBody(TranslatableMixin, Orderable):
    page = ParentalKey(TerritoryPage, related_name="cooperation_bodies", on_delete=models.CASCADE)
    level = models.CharField(_("niveau"), max_length=30, choices=BodyLevel.choices)
    name = models.CharField(_("nom"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("level"), FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("instance de coopération")


class TerritoryRelatedLink(Orderable):
    """A cross-cutting finding, practice or module that applies to the territory."""

    page = ParentalKey(TerritoryPage, related_name="related_links", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="territory_links", verbose_name=_("page")
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("page liée")
