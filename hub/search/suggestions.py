"""Suggestions while typing, and "did you mean" when a search found nothing."""

import difflib

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import CharField, F, Func, Value
from django.utils import translation

from glossary.linker import matchers
from glossary.models import GlossaryTermPage
from hub.search.backends.postgres import local_settings
from hub.search.query import normalize, words_of
from hub.search.types import RESULT_TYPES
from hub.text import fold_text

SIMILAR_TITLE = 0.4  # trigram word similarity from which a title is offered as "did you mean"
SIMILAR_WORDS = 0.75  # the same, as difflib's ratio, where there are no trigrams


def suggest(service, raw_query, limit=8):
    """Up to `limit` pages that complete the query, what it names exactly first.

    0: a glossary term that the whole query names, by the linker's rules (an acronym in its
    exact case, so "PRE" and never "pré"; other terms, variants and expansions ignoring case
    and accents), or a title written exactly as typed; 1: a title equal to the query but for
    case and accents ("pre" gives PRE); 2: a title that starts with the query; 3: the backend's
    other completions, in its order.
    """
    query = normalize(raw_query)
    if len(query) < 2:
        return []
    readable = service.readable_pages()
    named = terms_named(service, query)
    same_title = list(readable.filter(title__iexact=query)[:limit])
    completions = list(readable.autocomplete(query)[:limit])
    pages = list({page.pk: page for page in [*completions, *same_title, *named]}.values())
    named_pks = {page.pk for page in named}
    wanted_words, wanted = words_of(query), fold_text(query)

    def tier(page):
        if page.pk in named_pks or page.title == query:
            return 0
        if words_of(page.title) == wanted_words:
            return 1
        return 2 if fold_text(page.title).startswith(wanted) else 3

    order = {page.pk: position for position, page in enumerate([*named, *same_title, *completions])}
    pages = sorted(pages, key=lambda page: (tier(page), order[page.pk]))[:limit]
    expansions = dict(
        GlossaryTermPage.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "expansion")
    )
    by_type = {content_type: key for key, content_type in service.content_types.items()}
    suggestions = []
    with translation.override(service.language_code):
        for page in pages:
            key = by_type.get(page.content_type_id, "page")
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.url,
                    "type": key,
                    "type_label": str(RESULT_TYPES[key][1]),
                    "detail": expansions.get(page.pk, ""),
                }
            )
    return suggestions


def terms_named(service, query):
    """The readable glossary terms that the whole query names (its title, a variant or its expansion)."""
    slugs = [
        match.term.key
        for match in matchers.get(service.language_code).find(query)
        if match.start == 0 and match.end == len(query)
    ]
    if not slugs:
        return []
    return list(service.readable_pages().filter(content_type_id=service.content_types["term"], slug__in=slugs))


def closest_titles(service, query, limit=5):
    """The titles nearest to a query that found nothing: trigrams on PostgreSQL, difflib elsewhere."""
    if connection.vendor == "postgresql":
        return closest_titles_by_trigrams(service, query, limit)
    return closest_titles_by_difflib(service, query, limit)


def closest_titles_by_trigrams(service, query, limit):
    pages = service.readable_pages()
    # cooperer_unaccent(title) is what the trigram index of migration hub.0006 holds.
    folded_query = Func(Value(query), function="cooperer_unaccent", output_field=CharField())
    folded_title = Func(F("title"), function="cooperer_unaccent", output_field=CharField())
    close = (
        pages.filter(TrigramWordSimilar(folded_title, folded_query))
        .annotate(similarity=TrigramWordSimilarity(folded_query, folded_title))
        .order_by("-similarity", "title")
    )
    with local_settings(pages.db, **{"pg_trgm.word_similarity_threshold": str(SIMILAR_TITLE)}):
        return [(page.title, page.url) for page in close[:limit]]


def closest_titles_by_difflib(service, query, limit):
    pages = service.readable_pages()
    wanted = words_of(query)
    width = len(wanted.split())
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)  # difflib caches what it learns of the second sequence
    scored = []
    for pk, title in pages.values_list("pk", "title"):
        words = words_of(title).split()
        best = 0
        for start in range(len(words)):
            matcher.set_seq1(" ".join(words[start : start + width]))
            # The quick ratios are upper bounds of ratio(): most titles stop there.
            if matcher.real_quick_ratio() >= SIMILAR_WORDS and matcher.quick_ratio() >= SIMILAR_WORDS:
                best = max(best, matcher.ratio())
        if best >= SIMILAR_WORDS:
            scored.append((best, pk))
    closest = sorted(scored, key=lambda item: -item[0])[:limit]
    found = pages.in_bulk([pk for _score, pk in closest])
    return [(found[pk].title, found[pk].url) for _score, pk in closest]
