from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from glossary.linker import link_terms, matchers

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
