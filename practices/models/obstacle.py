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
from hub.localization import localized_pages


class ObstaclePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.ObstaclePage", related_name="tagged_items", on_delete=models.CASCADE)


class ObstaclePage(BasePage):
    """A brake on cooperation, and the practices and perspectives that answer it."""

    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    answered_by = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="obstacles", verbose_name=_("pratiques qui y répondent")
    )
    perspectives = ParentalManyToManyField(
        "practices.PerspectivePage",
        blank=True,
        related_name="obstacles",
        verbose_name=_("perspectives qui y répondent"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("compléments"))
    tags = ClusterTaggableManager(through=ObstaclePageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("answered_by"),
        FieldPanel("perspectives"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description"), index.SearchField("body")]
    parent_page_types = ["practices.ObstacleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("frein à la coopération")
        verbose_name_plural = _("freins à la coopération")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            practices=localized_pages(self.answered_by.order_by("title")),
            perspectives=localized_pages(self.perspectives.order_by("number")),
        )
        return context
