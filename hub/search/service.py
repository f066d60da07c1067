"""The one search service behind /recherche/ and /api/search/.

It normalises the query, expands acronyms through the glossary, runs Wagtail's search on live,
public pages of the reader's locale, puts pinned results and exact matches first, and returns
typed results that the HTML view and the JSON view each render.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import CharField, Count, F, Func, Value
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from glossary.linker import matchers
from glossary.models import GlossaryTermPage
from hub.facets import FacetOption, clean_param
from hub.models import ContentPage
from hub.search.log import query_for, record_search
from hub.search.postgres_backend import local_settings
from hub.search.query import build_query, normalize
from hub.text import fold_text, page_text, root
from practices.models import ObstaclePage, PerspectivePage, PracticePage, TrainingModulePage
from territories.models import TerritoryPage

# Ranking, counts, filters and pages cover the most relevant results: "more than 300" beyond.
MAX_RESULTS = 300
SNIPPET_LENGTH = 220
TEXT_CACHE_SECONDS = 24 * 3600
SIMILAR_TITLE = 0.4  # trigram word similarity from which a title is offered as "did you mean"
SIMILAR_WORDS = 0.75  # the same, as difflib's ratio, where there are no trigrams
RESULT_TYPES = {
    "territory": (TerritoryPage, _("Territoire")),
    "practice": (PracticePage, _("Bonne pratique")),
    "perspective": (PerspectivePage, _("Perspective")),
    "obstacle": (ObstaclePage, _("Frein")),
    "module": (TrainingModulePage, _("Module de formation")),
    "term": (GlossaryTermPage, _("Glossaire")),
    "page": (ContentPage, _("Page")),
}
TAGGED_TYPES = {key: RESULT_TYPES[key][0] for key in ("territory", "practice", "perspective", "obstacle", "module")}


@dataclass
class SearchResult:
    page: Page
    type: str
    type_label: str
    snippet: str = ""

    @property
    def title(self):
        return self.page.title

    @property
    def url(self):
        return self.page.url


@dataclass
class SearchOutcome:
    query: str
    language_code: str
    count: int = 0
    results: list = field(default_factory=list)
    page: object = None
    facets: dict = field(default_factory=dict)
    did_you_mean: list = field(default_factory=list)
    message: str = ""
    filters: dict = field(default_factory=dict)
    capped: bool = False  # more pages match than the MAX_RESULTS ranked, filtered and counted
    max_results: int = 0

    @property
    def has_results(self):
        return self.count > 0

    @property
    def count_is_lower_bound(self):
        """Unfiltered and capped: more pages match than were counted."""
        return self.capped and not any(self.filters.values())


def clean_choice(value, allowed):
    return value if isinstance(value, str) and value in allowed else ""


class SearchService:
    def __init__(self, language_code):
        self.language_code = language_code
        self.locale = Locale.objects.filter(language_code=language_code).first()
        self.content_types = {
            key: ContentType.objects.get_for_model(model).pk for key, (model, _label) in RESULT_TYPES.items()
        }

    # The readable pages of the locale ----------------------------------------------------
    def readable_pages(self):
        if self.locale is None:
            return Page.objects.none()
        models = [model for model, _label in RESULT_TYPES.values()]
        return Page.objects.live().public().filter(locale=self.locale).type(*models)

    # Search ---------------------------------------------------------------------------------
    def search(self, raw_query, type="", territory="", theme="", page=1, per_page=10, record=True):
        query = normalize(raw_query)
        outcome = SearchOutcome(query=query, language_code=self.language_code, max_results=MAX_RESULTS)
        if not query:
            outcome.message = _("Saisissez au moins un mot à chercher.")
            return outcome
        promoted = self.promoted(query)
        promoted_ids = {page.pk for page in promoted}
        ranked, outcome.capped = self.ranked_pages(query)
        found = promoted + [page for page in ranked if page.pk not in promoted_ids]
        outcome.filters = {
            "type": clean_choice(type, RESULT_TYPES),
            "territory": clean_param(territory),
            "theme": clean_param(theme),
        }
        outcome.facets, kept = self.facets(found, outcome.filters)
        outcome.count = len(kept)
        paginator = Paginator(kept, per_page)
        outcome.page = paginator.get_page(page)
        outcome.results = self.typed_results(list(outcome.page.object_list), query)
        if record:
            record_search(query, self.language_code, found=bool(found))
        if not found:
            outcome.did_you_mean = self.closest_titles(query)
            outcome.message = _("Aucun résultat pour cette recherche.")
        return outcome

    def ranked_pages(self, query):
        """The backend's results, re-ranked by tiers, and whether more pages match than MAX_RESULTS.

        The backend's order is kept within a tier.

        0: the title, a term or its expansion is the query; 1: the title starts with it;
        2: the title or expansion holds every word of the query (by root); 3: the rest.
        Within a tier, glossary terms that more modules and terms point to come first.
        """
        # Only what ranking and facets read: the page shown is fetched again, in full, by typed_results.
        readable = self.readable_pages().only("id", "title", "content_type_id")
        results = list(readable.search(build_query(query, self.language_code))[: MAX_RESULTS + 1])
        capped = len(results) > MAX_RESULTS
        results = results[:MAX_RESULTS]
        # How many modules and other terms point to each term found: a cheap measure of how central it is.
        term_type = self.content_types["term"]
        term_pks = [page.pk for page in results if page.content_type_id == term_type]
        terms = {
            pk: (links, expansion)
            for pk, links, expansion in GlossaryTermPage.objects.filter(pk__in=term_pks)
            .annotate(links=Count("modules", distinct=True) + Count("glossarytermpage", distinct=True))
            .values_list("pk", "links", "expansion")
        }
        wanted = words_of(query)
        wanted_roots = [root(word) for word in query.split()]

        def tier(page):
            names = [words_of(page.title)]
            if page.pk in terms and terms[page.pk][1]:
                names.append(words_of(terms[page.pk][1]))
            if wanted in names:
                return 0
            if names[0].startswith(wanted):
                return 1
            for name in names:
                name_roots = roots_of(name)
                if all(any(item.startswith(wanted_root) for item in name_roots) for wanted_root in wanted_roots):
                    return 2
            return 3

        def popularity(page):
            return terms[page.pk][0] if page.pk in terms else 0

        return sorted(results, key=lambda page: (tier(page), -popularity(page))), capped

    def promoted(self, query):
        promotion_query = query_for(query)  # never Query.get(): a search that is not recorded writes nothing
        if promotion_query is None:
            return []
        picks = promotion_query.editors_picks.select_related("page").order_by("sort_order")
        pages = []
        readable = set(
            self.readable_pages()
            .filter(pk__in=[pick.page_id for pick in picks if pick.page_id])
            .values_list("pk", flat=True)
        )
        for pick in picks:
            if pick.page_id in readable:
                pages.append(pick.page)
        return pages

    # Facets ----------------------------------------------------------------------------------
    def facets(self, pages, filters):
        by_type = {content_type: key for key, content_type in self.content_types.items()}
        page_type = {page.pk: by_type.get(page.content_type_id, "page") for page in pages}
        pks_by_type = {key: [] for key in RESULT_TYPES}
        for pk, key in page_type.items():
            pks_by_type[key].append(pk)
        territories = self.territory_membership(pks_by_type)
        themes = self.theme_membership(pks_by_type)

        def keep(page, ignore=None):
            if ignore != "type" and filters["type"] and page_type[page.pk] != filters["type"]:
                return False
            if (
                ignore != "territory"
                and filters["territory"]
                and filters["territory"] not in territories.get(page.pk, ())
            ):
                return False
            if ignore != "theme" and filters["theme"] and filters["theme"] not in themes.get(page.pk, ()):
                return False
            return True

        def options(name, membership, labels):
            counts = {}
            for page in pages:
                if keep(page, ignore=name):
                    for value in membership(page):
                        counts[value] = counts.get(value, 0) + 1
            return [
                FacetOption(value, labels.get(value, value), counts[value], value == filters[name])
                for value in sorted(counts, key=lambda value: str(labels.get(value, value)))
            ]

        territory_labels = (
            dict(TerritoryPage.objects.filter(locale=self.locale).values_list("slug", "title")) if self.locale else {}
        )
        theme_labels = self.theme_labels(themes)
        facets = {
            "type": options("type", lambda page: [page_type[page.pk]], {k: v for k, (_m, v) in RESULT_TYPES.items()}),
            "territory": options("territory", lambda page: territories.get(page.pk, ()), territory_labels),
            "theme": options("theme", lambda page: themes.get(page.pk, ()), theme_labels),
        }
        return facets, [page for page in pages if keep(page)]

    def territory_membership(self, pks_by_type):
        """Pages about a territory: the territory itself and the practices seen there."""
        membership = {}
        for pk, slug in TerritoryPage.objects.filter(pk__in=pks_by_type["territory"]).values_list("pk", "slug"):
            membership.setdefault(pk, set()).add(slug)
        through = PracticePage.territories.through
        rows = through.objects.filter(practicepage_id__in=pks_by_type["practice"]).values_list(
            "practicepage_id", "territorypage__slug"
        )
        for pk, slug in rows:
            membership.setdefault(pk, set()).add(slug)
        return membership

    def theme_membership(self, pks_by_type):
        membership = {}
        for key, model in TAGGED_TYPES.items():
            if not pks_by_type[key]:
                continue
            through = model.tags.through
            for pk, slug in through.objects.filter(content_object_id__in=pks_by_type[key]).values_list(
                "content_object_id", "tag__slug"
            ):
                membership.setdefault(pk, set()).add(slug)
        return membership

    @staticmethod
    def theme_labels(themes):
        from taggit.models import Tag

        slugs = {slug for values in themes.values() for slug in values}
        return dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))

    # Results ---------------------------------------------------------------------------------
    def typed_results(self, pages, query):
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
        by_type = {content_type: key for key, content_type in self.content_types.items()}
        pages = [specific.get(page.pk, page) for page in pages]
        texts = published_texts(pages)
        results = []
        for page in pages:
            key = by_type.get(page.content_type_id, "page")
            results.append(SearchResult(page, key, RESULT_TYPES[key][1], snippet(page, texts[page.pk], query)))
        return results

    # Suggestions -------------------------------------------------------------------------------
    def suggest(self, raw_query, limit=8):
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
        readable = self.readable_pages()
        named = self.terms_named(query)
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
        by_type = {content_type: key for key, content_type in self.content_types.items()}
        suggestions = []
        with translation.override(self.language_code):
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

    def terms_named(self, query):
        """The readable glossary terms that the whole query names (its title, a variant or its expansion)."""
        slugs = [
            match.term.key
            for match in matchers.get(self.language_code).find(query)
            if match.start == 0 and match.end == len(query)
        ]
        if not slugs:
            return []
        return list(self.readable_pages().filter(content_type_id=self.content_types["term"], slug__in=slugs))

    def closest_titles(self, query, limit=5):
        """The titles nearest to a query that found nothing: trigrams on PostgreSQL, difflib elsewhere."""
        if connection.vendor == "postgresql":
            return self.closest_titles_by_trigrams(query, limit)
        return self.closest_titles_by_difflib(query, limit)

    def closest_titles_by_trigrams(self, query, limit):
        pages = self.readable_pages()
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

    def closest_titles_by_difflib(self, query, limit):
        pages = self.readable_pages()
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


@lru_cache(maxsize=65536)
def words_of(text):
    """Lower-case, accent-free words joined by single spaces: "SG-CIPDR" and "sg cipdr" compare equal."""
    return " ".join(re.findall(r"\w+", fold_text(text)))


@lru_cache(maxsize=65536)
def roots_of(words):
    return tuple(root(word) for word in words.split())


def published_texts(pages):
    """The plain text of each page, cached per published revision: reading a long StreamField is slow."""
    keys = {page.pk: f"search-text:{page.pk}:{page.live_revision_id}" for page in pages}
    cached = cache.get_many(keys.values())
    texts, missing = {}, {}
    for page in pages:
        key = keys[page.pk]
        texts[page.pk] = cached[key] if key in cached else missing.setdefault(key, page_text(page))
    if missing:
        cache.set_many(missing, timeout=TEXT_CACHE_SECONDS)
    return texts


def snippet(page, text, query):
    """A passage of the page's text around the first query word, with every query word marked."""
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith(page.title):
        text = text[len(page.title) :].strip()
    query_roots = [root(word) for word in query.split() if len(word) > 1]
    folded = fold_text(text)
    positions = [folded.find(item) for item in query_roots if folded.find(item) >= 0]
    start = max(0, min(positions) - 60) if positions else 0
    if start:
        start = text.rfind(" ", 0, start) + 1
    passage = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        passage = passage.rsplit(" ", 1)[0] + " …"
    if start:
        passage = "… " + passage
    return highlight(passage, query_roots)


def highlight(passage, query_roots):
    if not query_roots:
        return escape(passage)
    pieces = []
    for token in re.split(r"(\w+)", passage):
        if token and re.match(r"\w", token) and any(fold_text(token).startswith(item) for item in query_roots):
            pieces.append(f"<mark>{escape(token)}</mark>")
        else:
            pieces.append(escape(token))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped
