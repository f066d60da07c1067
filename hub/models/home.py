from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.fragments import cached_route
from hub.models.home_sections import home_sections


class HomePage(BasePage):
    """The root of each locale's tree: what the hub is and the way into each section."""

    headline = models.CharField(
        _("accroche"),
        max_length=160,
        blank=True,
        help_text=_(
            "Le titre principal de la page d'accueil : à quoi sert le site, en une phrase. "
            "Le titre de la page reste le nom du site."
        ),
    )
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*BasePage.content_panels, FieldPanel("headline"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("headline"), index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "hub.ContentPage",
        "hub.SitemapPage",
        "territories.TerritoryIndexPage",
        "practices.PracticeIndexPage",
        "practices.PerspectiveIndexPage",
        "practices.ObstacleIndexPage",
        "practices.TrainingModuleIndexPage",
        "glossary.GlossaryIndexPage",
    ]

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """Every page of a language is routed from its home page: remembered (hub/fragments.py)."""
        return cached_route(self, request, path_components, super().route)

    def get_meta_description(self):
        """Search engines get the introduction's first sentences when no description was written."""
        if self.search_description or self.listing_summary:
            return super().get_meta_description()
        return Truncator(strip_tags(self.intro)).chars(160)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        return context
