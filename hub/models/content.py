from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index

from glossary.models import GlossaryIndexPage
from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES, BodyBlock
from hub.localization import localize


class ContentPage(BasePage):
    """A free-standing page: "about" pages and the research-action's cross-cutting findings."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["hub.HomePage", "hub.ContentPage"]
    subpage_types = ["hub.ContentPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")


@dataclass
class SitemapEntry:
    title: str
    url: str
    language: str = ""  # the page's language when it is not the reader's (a page not yet translated)
    children: list = field(default_factory=list)
    unlisted: int = 0  # pages of a large section counted rather than listed one by one


class SitemapPage(BasePage):
    """The site map: every section of the reader's language and the pages it holds, built from the page tree."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # A section with more pages than this (the glossary's terms) is linked with its count: its own
    # page lists them, and a site map of hundreds of links helps nobody find their way.
    max_listed_children = 40

    class Meta:
        verbose_name = _("plan du site")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"], context["single_pages"] = self.tree(request)
        context["search_url"] = reverse("search")
        return context

    def entry(self, page, request, children=(), unlisted=0):
        language = page.locale.language_code if page.locale_id != self.locale_id else ""
        return SitemapEntry(page.title, page.get_url(request), language, list(children), unlisted)

    def tree(self, request):
        """([sections with their pages], [pages without sub-pages]), in the order of the page tree."""
        home = self.get_parent()
        default_locale = Locale.get_default()
        sections, single_pages = [], []
        for section in home.get_children().live().public().specific().select_related("locale"):
            source = section.get_translation_or_none(default_locale) or section
            # A translated section also lists the pages not yet translated, in their own language.
            children = localize(list(source.get_children().live().public().select_related("locale")))
            tools = self.tools(section, request)
            if not children and not tools:
                single_pages.append(self.entry(section, request))
                continue
            if len(children) > self.max_listed_children:
                entry = self.entry(section, request, tools, unlisted=len(children))
            else:
                entry = self.entry(section, request, [self.entry(child, request) for child in children] + tools)
            sections.append(entry)
        return sections, single_pages

    @staticmethod
    def tools(section, request):
        """Pages that a section serves without being pages of the tree (the glossary's decoder and flashcards)."""
        if isinstance(section, GlossaryIndexPage):
            return [
                SitemapEntry(_("Décodeur de jargon"), section.decoder_url()),
                SitemapEntry(_("Se tester avec des fiches"), section.flashcards_url()),
            ]
        return []
