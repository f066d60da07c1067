from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.localization import localized_objects, localized_pages
from hub.provenance import Provenance
from hub.taxonomy import VocabularyTerm
from territories.map import territory_map


class TerritoryKind(models.TextChoices):
    """The kind of place a study site is; it chooses the findings and practices its page points to."""

    CITY_DISTRICT = "arrondissement-de-grande-ville", _("Arrondissement d'une très grande ville")
    METROPOLIS_CENTRE = "ville-centre-de-metropole", _("Ville-centre d'une métropole")
    MEDIUM_TOWN = "ville-moyenne", _("Ville moyenne, pôle de son agglomération")
    SUBURBAN_TOWN = "petite-ville-d-agglomeration", _("Petite ville d'une agglomération")
    TWO_TOWNS = "secteur-intercommunal", _("Secteur de deux communes")


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
    subpage_types = ["territories.TerritoryPage", "territories.CooperatingActorsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index des territoires")

    def actors_page(self):
        return CooperatingActorsPage.objects.child_of(self).live().public().first()

    def territories(self):
        return TerritoryPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        territories = list(self.territories())
        context["territories"] = territories
        context["map"] = territory_map(territories)
        context["actors_page"] = self.actors_page()
        return context


class TerritoryPageTag(TaggedItemBase):
    content_object = ParentalKey("territories.TerritoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class TerritoryPage(BasePage):
    """The case study of one of the six territories of the research-action."""

    department_name = models.CharField(_("département"), max_length=80)
    department_number = models.CharField(_("numéro du département"), max_length=3)
    region = models.CharField(_("région"), max_length=80)
    kind = models.CharField(_("type de territoire"), max_length=40, choices=TerritoryKind.choices, default="")
    seed_mention = models.CharField(
        _("mention dans la synthèse"),
        max_length=120,
        default="",
        help_text=_("Le terrain tel que la synthèse le nomme, par exemple « Brest (29) »."),
    )
    summary_provenance = models.CharField(
        _("provenance du résumé"), max_length=10, choices=Provenance.choices, default=Provenance.EDITORIAL
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
            [FieldPanel("kind"), FieldPanel("seed_mention"), FieldPanel("summary_provenance")],
            heading=_("Dans la recherche-action"),
        ),
        InlinePanel("facts", label=_("Repères publics sourcés")),
        InlinePanel("cooperation_bodies", label=_("Instances de coopération")),
        FieldPanel("body"),
        InlinePanel("related_links", label=_("Pages liées")),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("department_name"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.AutocompleteField("department_name"),
    ]
    override_translatable_fields = [SynchronizedField("seed_mention")]
    parent_page_types = ["territories.TerritoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = localized_pages(
            Page.objects.filter(territory_links__page=self).order_by("territory_links__sort_order")
        )
        context["actors_page"] = self.get_parent().specific.actors_page()
        return context


class CooperationBody(TranslatableMixin, Orderable):
    page = ParentalKey(TerritoryPage, related_name="cooperation_bodies", on_delete=models.CASCADE)
    level = models.CharField(_("niveau"), max_length=30, choices=BodyLevel.choices)
    name = models.CharField(_("nom"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("level"), FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("instance de coopération")


class TerritoryFact(TranslatableMixin, Orderable):
    """A public fact about a territory, as read in the source it cites (never from memory)."""

    page = ParentalKey(TerritoryPage, related_name="facts", on_delete=models.CASCADE)
    text = models.TextField(_("fait"))
    source_title = models.CharField(_("titre de la source"), max_length=255)
    source_publisher = models.CharField(_("éditeur de la source"), max_length=120)
    source_url = models.URLField(_("adresse de la source"), max_length=500)
    source_date = models.DateField(_("date de la source"), null=True, blank=True)
    consulted_on = models.DateField(_("consultée le"))

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("source_title"), FieldPanel("source_publisher")]),
        FieldPanel("source_url"),
        FieldRowPanel([FieldPanel("source_date"), FieldPanel("consulted_on")]),
    ]
    override_translatable_fields = [SynchronizedField("source_url"), SynchronizedField("source_date")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("repère public")
        verbose_name_plural = _("repères publics")


class CooperatingActorsPage(BasePage):
    """'Qui coopère ?': the kinds of actors that cooperate around young people, one page for every territory."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["territories.TerritoryIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Qui coopère ? »")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["actor_types"] = localized_objects(ActorType.objects.filter(locale=Locale.get_default()))
        return context


class TerritoryRelatedLink(Orderable):
    """A cross-cutting finding, practice or module that applies to the territory."""

    page = ParentalKey(TerritoryPage, related_name="related_links", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="territory_links", verbose_name=_("page")
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("page liée")
