from django import template
from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from glossary.linker import link_terms, matchers
from glossary.models import GlossaryTermPage, TermKind
from hub.content_cache import remembered

register = template.Library()


class LinkTermsNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = template.Variable(page)

    def render(self, context):
        html = self.nodelist.render(context)
        page = self.page.resolve(context)
        if not getattr(page, "link_glossary_terms", False):
            return html
        exclude = {page.slug} if page.specific_class.__name__ == "GlossaryTermPage" else set()
        return mark_safe(link_terms(html, matchers.get(get_language()), exclude=exclude))  # noqa: S308


@register.tag
def linkterms(parser, token):
    """{% linkterms page %}...{% endlinkterms %}: link glossary terms in the rendered block."""
    try:
        _tag, page = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("{% linkterms page %} takes the page as its only argument") from error
    nodelist = parser.parse(("endlinkterms",))
    parser.delete_first_token()
    return LinkTermsNode(nodelist, page)


def french_headwords():
    """The ids of the translated terms whose headword stays French ("politique de la ville"), acronyms aside."""
    source_language = settings.LANGUAGE_CODE

    def read():
        source = GlossaryTermPage.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=source_language
        ).values("title")[:1]
        translated = GlossaryTermPage.objects.exclude(locale__language_code=source_language).exclude(
            kind=TermKind.ACRONYM
        )
        return set(
            translated.annotate(source_title=Subquery(source))
            .filter(title=F("source_title"))
            .values_list("pk", flat=True)
        )

    return remembered("glossary:french-headwords", read)


@register.filter
def headword_lang(term):
    """' lang="fr"' on a term whose headword is French in a translation (a French name kept in English)."""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE) if term.pk in french_headwords() else ""
