"""Where each term appears: computed from the text of every published page, never typed by hand.

The result is cached per locale under the current terms version and content version, both
changed by `glossary.signals` when a term or any page is published, unpublished or deleted.
"""

import uuid

from django.core.cache import cache

from wagtail.models import Page

from glossary.linker import matchers, terms_version
from hub.text import page_text

CONTENT_VERSION_KEY = "glossary:content-version"


def content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def content_changed():
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)


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
