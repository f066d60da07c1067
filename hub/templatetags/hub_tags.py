"""Template tags that know no domain: languages, navigation, breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language; on a page, the link goes to its translation when there is one."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
        root = _site_root(request)
        homes = {}
        if root is not None:
            for home in root.get_translations(inclusive=True).live().select_related("locale"):
                homes[home.locale.language_code] = home
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


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
    for item in home.get_children().live().public().in_menu():
        state = ""
        if current_path == item.path:
            state = "page"
        elif current_path.startswith(item.path):
            state = "true"
        items.append({"page": item, "current": state})
    return items


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page):
        return []
    return page.get_ancestors().filter(depth__gt=1)


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
