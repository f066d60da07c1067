from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.localization import localized_objects, localized_pages, related_in_any_locale

from .taxonomy import EssentialCondition


class PerspectivePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.PerspectivePage", related_name="tagged_items", on_delete=models.CASCADE)


class PerspectivePage(BasePage):
    """One of the eight recommendations ("perspectives") of the research-action."""

    number = models.PositiveSmallIntegerField(_("numéro"))
    short_title = models.CharField(_("titre court"), max_length=80)
    context = RichTextField(_("le constat"), features=RICH_TEXT_FEATURES)
    actions = RichTextField(_("actions concrètes"), features=RICH_TEXT_FEATURES)
    conditions = ParentalManyToManyField(
        EssentialCondition, blank=True, related_name="perspectives", verbose_name=_("conditions dont elle dépend")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("compléments"))
    tags = ClusterTaggableManager(through=PerspectivePageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("number"),
        FieldPanel("short_title"),
        FieldPanel("context"),
        FieldPanel("actions"),
        FieldPanel("conditions"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_title", boost=2),
        index.SearchField("context"),
        index.SearchField("actions"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    parent_page_types = ["practices.PerspectiveIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("perspective")
        verbose_name_plural = _("perspectives")
        ordering = ["number"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            conditions=localized_objects(self.conditions.all()),
            practices=localized_pages(related_in_any_locale(self, "practices").order_by("title")),
            obstacles=localized_pages(related_in_any_locale(self, "obstacles").order_by("title")),
            modules=localized_pages(related_in_any_locale(self, "modules").order_by("title")),
        )
        return context
