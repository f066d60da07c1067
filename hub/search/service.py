"""The one search service behind /recherche/ and /api/search/.

It normalises the query, expands acronyms through the glossary, runs Wagtail's search on live,
public pages of the reader's locale, puts pinned results and exact matches first, and returns
typed results that the HTML view and the JSON view each render.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from hub.facets import clean_param, facet_options, keeps, option_counts
from hub.restrictions import public
from hub.search.backends import search_backend_name, searching_in
from hub.search.facts import LocaleFacts, locale_facts, locale_for, promoted_page_ids
from hub.search.log import record_search
from hub.search.query import build_query, normalize, roots_of, words_of
from hub.search.snippets import Passage, published_texts, snippet
from hub.search.suggestions import closest_titles, suggest
from hub.search.types import RESULT_FIELDS, RESULT_TYPES
from hub.text import root

# Ranking, counts, filters and pages cover the most relevant results: "more than 300" beyond.
MAX_RESULTS = 300


@dataclass
class SearchResult:
    page: Page
    type: str
    type_label: str
    snippet: Passage = Passage("")

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
        self.locale = locale_for(language_code)
        self.content_types = {
            key: ContentType.objects.get_for_model(model).pk for key, (model, _label) in RESULT_TYPES.items()
        }

    # The readable pages of the locale ----------------------------------------------------
    def readable_pages(self):
        if self.locale is None:
            return Page.objects.none()
        models = [model for model, _label in RESULT_TYPES.values()]
        return public(Page.objects.live().filter(locale=self.locale).type(*models))

    def facts(self):
        return locale_facts(self.locale) if self.locale is not None else LocaleFacts()

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
            outcome.did_you_mean = closest_titles(self, query)
            outcome.message = _("Aucun résultat pour cette recherche.")
        return outcome

    def ranked_pages(self, query):
        """The backend's results, re-ranked by tiers, and whether more pages match than MAX_RESULTS.

        The backend's order is kept within a tier.

        0: the title, a term or its expansion is the query; 1: the title starts with it;
        2: the title or expansion holds every word of the query (by root); 3: the rest.
        Within a tier, glossary terms that more modules and terms point to come first.
        """
        # What ranking, facets and results read; a result's text is fetched only when not cached.
        readable = self.readable_pages().only(*RESULT_FIELDS)
        search = readable.search(
            build_query(query, self.language_code), backend=search_backend_name(self.language_code)
        )
        with searching_in(self.language_code):
            results = list(search[: MAX_RESULTS + 1])
        capped = len(results) > MAX_RESULTS
        results = results[:MAX_RESULTS]
        # How many modules and other terms point to each term found: a cheap measure of how central it is.
        terms = self.facts().terms
        wanted = words_of(query)
        wanted_roots = [root(word, self.language_code) for word in query.split()]

        def tier(page):
            names = [words_of(page.title)]
            if page.pk in terms and terms[page.pk][1]:
                names.append(words_of(terms[page.pk][1]))
            if wanted in names:
                return 0
            if names[0].startswith(wanted):
                return 1
            for name in names:
                name_roots = roots_of(name, self.language_code)
                if all(any(item.startswith(wanted_root) for item in name_roots) for wanted_root in wanted_roots):
                    return 2
            return 3

        def popularity(page):
            return terms[page.pk][0] if page.pk in terms else 0

        return sorted(results, key=lambda page: (tier(page), -popularity(page))), capped

    def promoted(self, query):
        picked = promoted_page_ids(query)
        if not picked:
            return []
        readable = self.readable_pages().only(*RESULT_FIELDS).in_bulk(picked)
        return [readable[pk] for pk in picked if pk in readable]

    # Facets ----------------------------------------------------------------------------------
    def facets(self, pages, filters):
        """Each facet's options (those with results, and the selected one) and the pages every filter keeps."""
        by_type = {content_type: key for key, content_type in self.content_types.items()}
        facts = self.facts()
        found = {page.pk for page in pages}
        memberships = {
            "type": {page.pk: {by_type.get(page.content_type_id, "page")} for page in pages},
            "territory": {pk: slugs for pk, slugs in facts.territories.items() if pk in found},
            "theme": {pk: slugs for pk, slugs in facts.themes.items() if pk in found},
        }
        labels = {
            "type": {key: label for key, (_model, label) in RESULT_TYPES.items()},
            "territory": facts.territory_labels,
            "theme": facts.theme_labels,
        }
        selected = {name: value for name, value in filters.items() if value}
        counts = option_counts(memberships, selected)
        facets = {
            name: [
                option
                for option in facet_options(set().union(*members.values()), counts[name], labels[name], filters[name])
                if option.count or option.selected
            ]
            for name, members in memberships.items()
        }
        return facets, [page for page in pages if keeps(memberships, selected, page.pk)]

    # Results ---------------------------------------------------------------------------------
    def typed_results(self, pages, query):
        by_type = {content_type: key for key, content_type in self.content_types.items()}
        texts = published_texts(pages)
        results = []
        for page in pages:
            key = by_type.get(page.content_type_id, "page")
            results.append(
                SearchResult(page, key, RESULT_TYPES[key][1], snippet(page, texts[page.pk], query, self.language_code))
            )
        return results

    def suggest(self, raw_query, limit=8):
        return suggest(self, raw_query, limit)
