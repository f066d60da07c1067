"""Where each term appears, stored: one `TermUsage` row per live, public page and term it mentions.

A page's rows are written from its text when it is published; a withdrawn page loses them, a
deleted one loses them with it (the foreign key cascades), and a move or a view restriction
refreshes the pages it reaches. When the terms themselves change (a term published, withdrawn,
moved, restricted or deleted), any page may match differently, so the language's rows are rebuilt,
unless the digest of its terms' match forms is the one they were last built with (a definition
corrected in a term costs nothing). The rebuild is a django-tasks task, run at once by the default
immediate backend, as Wagtail runs its own reference index. A reader's term page only reads rows
(`GlossaryTermPage.pages_using`): its cost does not grow with the site.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from wagtail.models import Locale, Page

from django_tasks import task

from glossary.linker import matchers
from glossary.matcher import Matcher
from glossary.models import GlossaryIndexPage, GlossaryTermPage, TermUsage, TermUsageBuild, published_terms
from hub.content_cache import content_changed
from hub.text import page_text

BATCH = 1000
_deferred = ContextVar("term_usage_deferred", default=False)


@contextmanager
def deferred():
    """Leave the rows alone while the block changes many pages and terms, then rebuild each language once.

    Loading the site's content publishes hundreds of terms: rebuilding a language after each of them
    costs more than the whole load. The rebuild runs once the outermost transaction commits.
    """
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
    if not _deferred.get():
        transaction.on_commit(lambda: update_every_language(rebuild=True))


def is_deferred():
    return _deferred.get()


def readable_pages(locale):
    """The pages of a locale whose text can mention terms: live, public, neither the glossary nor a term."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1).not_type(GlossaryTermPage, GlossaryIndexPage)


def record(pages, locale, matcher=None):
    """Replace the rows of `pages` (a queryset of one locale's pages) with the terms their text mentions now."""
    matcher = matcher if matcher is not None else matchers.get(locale.language_code)
    with transaction.atomic():
        TermUsage.objects.filter(page__in=pages.values("pk")).delete()
        rows = []
        for page in readable_pages(locale).filter(pk__in=pages.values("pk")).specific():
            found = {match.term.payload.page_id for match in matcher.find(page_text(page))}
            rows.extend(TermUsage(term_id=term_id, page_id=page.pk) for term_id in sorted(found))
            if len(rows) >= BATCH:
                TermUsage.objects.bulk_create(rows)
                rows = []
        TermUsage.objects.bulk_create(rows)


def record_page(page):
    """Inside `deferred()`, nothing: the rebuild at its end covers the page."""
    if not is_deferred():
        record(Page.objects.filter(pk=page.pk), page.locale)


def record_subtree(page):
    if not is_deferred():
        record(Page.objects.descendant_of(page, inclusive=True).filter(locale_id=page.locale_id), page.locale)


def terms_digest(terms):
    digest = hashlib.sha256()
    for term in sorted(terms, key=lambda term: term.payload.page_id):
        digest.update(repr((term.payload.page_id, term.forms)).encode())
    return digest.hexdigest()


@task()
def update_language(language_code, rebuild=False):
    """Rebuild a language's rows if its terms changed since they were built (or `rebuild`); True if rebuilt."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return False
    terms = published_terms(locale)
    digest = terms_digest(terms)
    if not rebuild and TermUsageBuild.objects.filter(locale=locale, terms_digest=digest).exists():
        return False
    with transaction.atomic():
        record(Page.objects.filter(locale=locale), locale, Matcher(terms))
        TermUsageBuild.objects.update_or_create(locale=locale, defaults={"terms_digest": digest})
    content_changed()  # a worker may run this after the change that asked for it was shown
    return True


def update_every_language(rebuild=False):
    """{language code: whether it was rebuilt}, for every locale of the site."""
    codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
    return {code: update_language.call(code, rebuild=rebuild) for code in codes}
