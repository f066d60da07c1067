from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

from glossary import page_views
from glossary.linker import TermInfo, matchers
from glossary.listing import GlossaryListing
from glossary.matcher import Term
from glossary.schema import defined_term_page, defined_term_set
from glossary.vocabulary import GlossaryDomain, TermKind
from hub.base_page import BasePage
from hub.blocks import RICH_TEXT_FEATURES
from hub.fragments import prefetch_content
from hub.localization import localized_objects, localized_pages, related_in_any_locale
from hub.provenance import Provenance
from hub.routed_page import RoutedViewsMixin

USAGE_PER_PAGE = 20


class GlossaryIndexPage(RoutedViewsMixin, BasePage):
    """The glossary: every term A to Z, filterable, with the decoder and the flashcards as sub-pages."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count_per_parent = 1
    translated_routes = switched_routes = ("decoder", "flashcards")

    class Meta:
        verbose_name = _("glossaire")

    def terms(self):
        return GlossaryTermPage.objects.child_of(self).live().public()

    @path("")
    def index_route(self, request):
        if prefetch_content(request, self) is not None:
            return self.render(request)  # the listing is in the cache (hub/fragments.py)
        listing = GlossaryListing(self, request.GET)
        schema = defined_term_set(self, listing.terms, request)
        return self.render(request, context_overrides={"listing": listing, "schema": schema})

    @path("decodeur/", name="decoder")
    @path("decoder/", name="decoder-en")
    def decoder_view(self, request):
        return page_views.decoder(request, self)

    @path("reviser/", name="flashcards")
    @path("flashcards/", name="flashcards-en")
    def flashcards_view(self, request):
        return page_views.flashcards(request, self)

    def decoder_url(self):
        return self.routed_url("decoder")

    def flashcards_url(self):
        return self.routed_url("flashcards")


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
    in_seed = models.BooleanField(
        _("terme employé dans la synthèse"),
        default=False,
        help_text=_("Le terme figure dans la synthèse de la recherche-action : sa page le signale aux lecteurs."),
    )

    explanation_provenance = models.CharField(
        _("provenance de l'explication"),
        max_length=10,
        choices=Provenance.choices,
        default=Provenance.EDITORIAL,
        help_text=_(
            "La synthèse, quand l'explication la reprend (la source nomme alors sa section) ; sinon la rédaction, "
            "d'après les sources indiquées."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("expansion"), FieldPanel("kind"), FieldPanel("domains"), FieldPanel("variants")],
            heading=_("Identification"),
        ),
        FieldPanel("definition"),
        FieldPanel("explanation"),
        FieldPanel("related_terms"),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("explanation_provenance"),
                FieldPanel("uncertain"),
                FieldPanel("in_seed"),
            ],
            heading=_("Source"),
        ),
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
    api_fields = [
        APIField("expansion"),
        APIField("kind"),
        APIField("definition"),
        APIField("explanation"),
        APIField("variants"),
        APIField("source"),
        APIField("explanation_provenance"),
        APIField("uncertain"),
    ]
    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("termes du glossaire")
        ordering = ["title"]
        permissions = [("import_glossary", _("Peut importer le glossaire"))]

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
        context["appears_in"] = self.pages_using(request.GET.get("page"))
        context["domains"] = localized_objects(self.domains.all())
        context["schema"] = defined_term_page(self, request)
        return context

    def pages_using(self, page_number):
        """One page of the live, public pages that mention this term, by title (rows kept by `glossary.usage`)."""
        pages = Page.objects.filter(term_usages__term=self).select_related("locale").order_by("title", "pk")
        return Paginator(pages, USAGE_PER_PAGE).get_page(page_number)

    def variant_list(self):
        return [line.strip() for line in self.variants.splitlines() if line.strip()]


class TermUsage(models.Model):
    """A live, public page that mentions a term: "where this term appears", kept by `glossary.usage`."""

    term = models.ForeignKey(GlossaryTermPage, on_delete=models.CASCADE, related_name="usages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="term_usages")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "page"], name="unique_term_usage")]

    def __str__(self):
        return f"{self.term_id} in {self.page_id}"


class TermUsageBuild(models.Model):
    """The terms that a language's usage rows were computed with, as a digest of their match forms."""

    locale = models.OneToOneField("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    terms_digest = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.locale_id}: {self.terms_digest}"


def published_terms(locale):
    """TermInfo and match forms of every live, public term of a locale, in one query (plus the index)."""
    index = GlossaryIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return []
    base_url = index.get_url()
    rows = index.terms().values_list("slug", "title", "expansion", "definition", "variants", "pk")
    terms = []
    for slug, title, expansion, definition, variants, pk in rows:
        info = TermInfo(slug, title, expansion, definition, f"{base_url}{slug}/", pk)
        forms = [title, *[line.strip() for line in variants.splitlines() if line.strip()]]
        if expansion:
            forms.append(expansion)
        terms.append(Term(key=slug, forms=tuple(forms), payload=info))
    return terms


def published_terms_of_language(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    return published_terms(locale) if locale is not None else []


# The linker builds its matchers from the published terms; it knows no model, so the models hand it the reader.
matchers.load_terms = published_terms_of_language
