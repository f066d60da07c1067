"""Template tags that know no domain: languages, navigation, breadcrumbs, the footer, page outlines."""

import re
from dataclasses import dataclass
from html import unescape

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from hub import fragments
from hub.content_cache import remembered
from hub.fragments import fragments_allowed
from hub.localization import localize
from hub.taxonomy import theme_names

register = template.Library()

H2 = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.S | re.I)
ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the same page (or view) in that language, with the same query string.

    A page that has no live translation in a language says so (`missing`) rather than sending the
    reader to that language's home page.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    query = request.GET.urlencode() if request is not None else ""
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale").specific():
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        url, missing = None, False
        if isinstance(page, Page) and page.pk:
            target = translations.get(code)
            if target is None:
                missing = True
            else:
                url = page.specific.counterpart_url(target, request) + (f"?{query}" if query else "")
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current, "missing": missing})
    return links


@register.filter
def theme_name(tag):
    """A tag's theme in the reader's language; the tag's own name where the theme has none."""
    return theme_names(get_language()).get(tag.slug, tag.name)


@register.filter
def lang_attribute(page):
    """' lang="fr"' on an element that shows a page's own text when the page is not in the reader's
    language (a page not translated yet); nothing otherwise. Template strings around it stay in the
    reader's language."""
    languages = remembered("locale-languages", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    code = languages.get(getattr(page, "locale_id", None))
    return format_html(' lang="{}"', code) if code and code != get_language() else ""


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the reader's language."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return None
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is not None:
        translated = root.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated
    return root


@register.simple_tag(takes_context=True)
def main_navigation(context, home):
    """The home page's menu children, each marked "page" or "true" when the reader is in it."""
    if home is None:
        return []
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for item in home.get_children().live().public().in_menu().specific():
        state = ""
        if current_path == item.path:
            state = "page"
        elif current_path.startswith(item.path):
            state = "true"
        items.append({"page": item, "current": state})
    return items


@register.simple_tag(takes_context=True)
def footer_links(context, identity):
    """The footer's legal notice, accessibility statement and site map, in the reader's language.

    The site settings point to the pages (French, the source); each reader gets the live translation
    in their language, or the page itself when it is not translated yet. Unset or unpublished: no link.
    """
    request = context.get("request")
    links = {}
    for role in ("legal_notice", "accessibility", "sitemap"):
        page = getattr(identity, f"{role}_page", None) if identity else None
        if page is None:
            continue
        page = page.localized
        if page.live:
            links[role] = page.get_url(request)
    return links


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below the root, in the reader's language: a French page read at an
    English address (not translated yet) sits under the English sections."""
    if not isinstance(page, Page):
        return []
    return localize(list(page.get_ancestors().filter(depth__gt=1)))


@register.simple_tag
def facet_link(links, name, value):
    return links.get((name, value), "")


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """Absolute URLs of the page's live translations, for hreflang links: [(language, url)]."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk:
        return []
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return [(translation.locale.language_code, translation.get_full_url(request)) for translation in translations]


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, when):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.when = when

    def render(self, context):
        request = context.get("request")
        if not fragments_allowed(request) or (self.when is not None and not self.when.resolve(context)):
            return self.nodelist.render(context)
        vary_on = [expression.resolve(context) for expression in self.vary_on]
        html = fragments.cached_fragment(request, self.name, vary_on, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - the template's own output, rendered earlier


@register.tag
def cached_fragment(parser, token):
    """{% cached_fragment name [vary_on ...] [when=condition] %}...{% endcached_fragment %}: a part of a
    page rendered once per content version, language and `vary_on` values, then taken from the shared
    cache (only when `condition` holds, if given).

    Like Django's {% cache %}, with the key that the page cache uses (hub/content_cache.py), so that
    any change readers could see renders it again; never for a preview or a POST.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% cached_fragment %} takes a name")
    when = None
    if bits[-1].startswith("when="):
        when = parser.compile_filter(bits.pop().removeprefix("when="))
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]], when)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context))  # noqa: S308 - the template's own output
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: render a part of a template now, output it later."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("{% capture as name %} takes a variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@dataclass
class Outline:
    html: str
    headings: list


@register.simple_tag
def outline(html):
    """The h2 headings of rendered HTML, for a "on this page" list: Outline(html, [{"id", "text"}]).

    A heading without an id gets one from its text, so that every heading can be linked to; the
    returned html carries those ids.
    """
    taken = {match.group(1) or match.group(2) for match in ID_ATTRIBUTE.finditer(str(html))}
    headings = []

    def visit(match):
        attributes, inner = match.group(1), match.group(2)
        text = " ".join(unescape(strip_tags(inner)).split())
        found = ID_ATTRIBUTE.search(attributes)
        anchor = (found.group(1) or found.group(2)) if found else ""
        if not anchor:
            base = slugify(text) or "section"
            anchor, number = base, 2
            while anchor in taken:
                anchor, number = f"{base}-{number}", number + 1
            taken.add(anchor)
            attributes = f'{attributes} id="{anchor}"'
        if text:
            headings.append({"id": anchor, "text": text})
        return f"<h2{attributes}>{inner}</h2>"

    rewritten = H2.sub(visit, str(html))
    return Outline(mark_safe(rewritten), headings)  # noqa: S308 - the template's own output, ids added
