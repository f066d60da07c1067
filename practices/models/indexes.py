from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.url_routing import RouteResult

from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES
from hub.facets import Facet, FacetedListing
from hub.localization import localize
from hub.taxonomy import Theme

from .case import FictionalCasePage
from .module import TrainingModulePage
from .obstacle import ObstaclePage
from .perspective import PerspectivePage
from .practice import PracticePage
from .taxonomy import CooperationObject, Diploma, Stage

THEME_FACET = Facet("theme", _("Thème"), "tags", label_field="name", vocabulary=Theme)
# Every index lists its children the same way. Wagtail names a template after each page class,
# whatever its parent declares: each index names this one.
LISTING_TEMPLATE = "practices/filterable_index_page.html"


class FilterableIndexPage(BasePage):
    """An index that lists its children, filterable by facets given in the query string."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    child_model = None
    facets = [THEME_FACET]
    ordering = ["title"]
    per_page = 24

    class Meta:
        abstract = True

    def source_index(self):
        """This index in the source language: its children are the ones listed in every language."""
        return self.get_translation_or_none(Locale.get_default()) or self

    def listed_pages(self):
        """The source-language index's children: a reader of a translation also sees untranslated pages."""
        return (
            self.child_model.objects.child_of(self.source_index())
            .live()
            .public()
            .select_related("locale")
            .order_by(*self.ordering)
        )

    def route(self, request, path_components):
        """In a translated index, a child is also found by its source-language slug.

        Translated, the reader is sent on to the translation's own address; not translated yet, the
        reader stays at /en/good-practices/<slug>/ and reads the French text, marked lang="fr" with
        a notice (see base.html), rather than meeting a 404.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.source_index()
            if len(path_components) != 1 or source.pk == self.pk:
                raise
            child = self.child_model.objects.child_of(source).live().public().filter(slug=path_components[0]).first()
            if child is None:
                raise
            translation = child.get_translation_or_none(self.locale)
            if translation is not None and translation.live:
                return RouteResult(self, kwargs={"moved_to": translation})
            return RouteResult(child)

    def serve(self, request, *args, moved_to=None, **kwargs):
        if moved_to is not None:
            query = request.META.get("QUERY_STRING", "")
            return redirect(moved_to.get_url(request) + (f"?{query}" if query else ""), permanent=True)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = FacetedListing(self.listed_pages(), self.facets, request.GET, per_page=self.per_page)
        items = localize(list(listing.page.object_list))
        for item in items:
            if item.locale_id != self.locale_id:
                item.reader_url = f"{self.url}{item.slug}/"
        prefetch_related_objects(items, "tagged_items__tag")
        context["listing"] = listing
        context["items"] = items
        return context


class PracticeIndexPage(FilterableIndexPage):
    template = LISTING_TEMPLATE
    child_model = PracticePage
    subpage_types = ["practices.PracticePage"]
    facets = [
        THEME_FACET,
        Facet("territory", _("Territoire"), "territories", label_field="title"),
        Facet("stage", _("Étape de la relation"), "stages", vocabulary=Stage),
        Facet("object", _("Objet de coopération"), "objects_of_cooperation", vocabulary=CooperationObject),
    ]

    class Meta:
        verbose_name = _("index des bonnes pratiques")


class PerspectiveIndexPage(FilterableIndexPage):
    template = LISTING_TEMPLATE
    child_model = PerspectivePage
    subpage_types = ["practices.PerspectivePage"]
    ordering = ["number"]

    class Meta:
        verbose_name = _("index des perspectives")


class ObstacleIndexPage(FilterableIndexPage):
    template = LISTING_TEMPLATE
    child_model = ObstaclePage
    subpage_types = ["practices.ObstaclePage"]

    class Meta:
        verbose_name = _("index des freins")


class TrainingModuleIndexPage(FilterableIndexPage):
    template = LISTING_TEMPLATE
    child_model = TrainingModulePage
    subpage_types = ["practices.TrainingModulePage", "practices.FictionalCasePage"]
    facets = [THEME_FACET, Facet("diploma", _("Diplôme"), "diplomas__diploma", vocabulary=Diploma)]

    class Meta:
        verbose_name = _("index des modules de formation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fictional_case"] = self.fictional_case()
        return context

    def fictional_case(self):
        """The fictional territory, in this index's language when translated."""
        case = FictionalCasePage.objects.child_of(self.source_index()).live().public().first()
        if case is None:
            return None
        return case.get_translation_or_none(self.locale) or case
