"""Where each term appears: computed from the text of every published page, never typed by hand.

The result is cached per locale under the current terms version (`glossary.signals`) and the
site's content version (`hub.content_cache`), which any publication, withdrawal or deletion changes.
"""

from django.core.cache import cache

from wagtail.models import Page

from glossary.linker import matchers, terms_version
from hub.content_cache import content_version
from hub.text import page_text


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
