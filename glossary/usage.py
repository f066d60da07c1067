"""Where each term appears: computed from the text of every published page, never typed by hand.

The result is cached per locale under the current terms version and content version, both
changed by `glossary.signals` when a term or any page is published, unpublished or deleted.
"""

import uuid
from html import unescape

from django.core.cache import cache
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from glossary.linker import matchers, terms_version

CONTENT_VERSION_KEY = "glossary:content-version"


def content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def content_changed():
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def page_text(page):
    """The readable text of a page: its title and every field it is searched by."""
    chunks = [page.title]
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        try:
            model_field = page._meta.get_field(field.field_name)
        except Exception:  # noqa: BLE001 - a search field may be a method, not a model field
            model_field = None
        value = getattr(page, field.field_name, None) if model_field is not None else field.get_value(page)
        if value is None:
            continue
        if isinstance(model_field, StreamField):
            chunks.extend(str(item) for item in model_field.stream_block.get_searchable_content(value))
        elif isinstance(model_field, RichTextField):
            chunks.append(unescape(strip_tags(value)))
        else:
            chunks.append(str(value))
    return "\n".join(chunks)


def compute_usage(language_code):
    from glossary.models import GlossaryIndexPage, GlossaryTermPage

    matcher = matchers.get(language_code)
    usage = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(locale__language_code=language_code, depth__gt=1)
        .not_type(GlossaryTermPage, GlossaryIndexPage)
        .specific()
    )
    for page in pages:
        for match in matcher.find(page_text(page)):
            usage.setdefault(match.term.key, {})[page.pk] = (page.title, page.url)
    return {slug: sorted(found.values()) for slug, found in usage.items()}


def term_usage(language_code):
    """{term slug: [(page title, page url), ...]} for the published pages of a language."""
    key = f"glossary:usage:{language_code}:{terms_version()}:{content_version()}"
    usage = cache.get(key)
    if usage is None:
        usage = compute_usage(language_code)
        cache.set(key, usage, timeout=60 * 60 * 24)
    return usage
