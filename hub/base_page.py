"""The abstract page every content page of the hub inherits: listing and SEO fields, search config."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from hub.fragments import prefetch_content
from hub.text import page_text, roots


class BasePage(Page):
    listing_summary = models.TextField(
        _("résumé"),
        blank=True,
        max_length=400,
        help_text=_("Une ou deux phrases, reprises dans les listes, les résultats de recherche et les aperçus."),
    )
    menu_title = models.CharField(
        _("titre dans le menu"),
        max_length=40,
        blank=True,
        help_text=_("Un titre court pour la navigation principale. À défaut, le titre de la page."),
    )
    link_glossary_terms = models.BooleanField(
        _("lier les termes du glossaire"),
        default=True,
        help_text=_("Transforme la première occurrence de chaque terme connu en lien vers sa définition."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("search_roots"),
        index.FilterField("locale"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("menu_title"), FieldPanel("listing_summary")]
    settings_panels = [*Page.settings_panels, FieldPanel("link_glossary_terms")]

    class Meta:
        abstract = True

    @property
    def nav_title(self):
        return self.menu_title or self.title

    @property
    def summary(self):
        return self.listing_summary or self.search_description

    def search_roots(self):
        """The page's words reduced to their roots, so that "médiateurs" finds "médiation"."""
        return roots(page_text(self), self.locale.language_code)

    def counterpart_url(self, translation, request):
        """Where the language switcher sends a reader of this page to `translation` (a page that routes
        to views of its own sends them to the same view)."""
        return translation.get_url(request)

    def get_meta_description(self):
        return self.search_description or self.summary

    def serve(self, request, *args, **kwargs):
        """A page whose main content is in the cache (hub/fragments.py) skips computing that content's context."""
        if prefetch_content(request, self) is None:
            return super().serve(request, *args, **kwargs)
        request.is_preview = False
        context = Page.get_context(self, request, *args, **kwargs)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
