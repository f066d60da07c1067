"""The glossary page's listing: filters by letter, domain, kind and text, grouped A to Z."""

from itertools import groupby
from string import ascii_uppercase

from django.db.models import Count, Prefetch
from django.utils.translation import get_language

from glossary.matcher import fold
from glossary.vocabulary import GlossaryDomain, TermKind
from hub.facets import clean_param
from hub.folding import strip_accents
from hub.localization import localized_objects

OTHER = "#"


def initial(title):
    letter = strip_accents(title[:1]).upper()
    return letter if letter in ascii_uppercase else OTHER


class GlossaryListing:
    def __init__(self, index, params):
        self.index = index
        self.letter = clean_param(params.get("letter"), 1).strip().upper()
        self.domain = clean_param(params.get("domain")).strip()
        self.kind = clean_param(params.get("kind")).strip()
        self.query = clean_param(params.get("q"), 200).strip()
        if self.kind not in TermKind.values:
            self.kind = ""

        terms = index.terms().prefetch_related(Prefetch("domains", queryset=GlossaryDomain.objects.all()))
        if self.domain:
            terms = terms.filter(domains__slug=self.domain)
        if self.kind:
            terms = terms.filter(kind=self.kind)
        terms = sorted(terms, key=lambda term: fold(term.title))
        if self.query:
            needle = folded_words(self.query)
            terms = [term for term in terms if needle in search_text(term)]
        self.letters_present = {initial(term.title) for term in terms}
        if self.letter:
            terms = [term for term in terms if initial(term.title) == self.letter]
        self.terms = terms
        self.groups = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: initial(t.title))]

    @property
    def count(self):
        return len(self.terms)

    @property
    def is_filtered(self):
        return bool(self.letter or self.domain or self.kind or self.query)

    @property
    def folded_filter_count(self):
        """How many of the filters that fold away on small screens (domain, kind) are in use."""
        return int(bool(self.domain)) + int(bool(self.kind))

    def alphabet(self):
        return [(letter, letter in self.letters_present) for letter in [*ascii_uppercase, OTHER]]

    def domain_options(self):
        counts = dict(
            self.index.terms()
            .order_by()
            .values_list("domains__slug")
            .annotate(n=Count("pk", distinct=True))
            .values_list("domains__slug", "n")
        )
        domains = localized_objects(GlossaryDomain.objects.filter(locale__language_code="fr"))
        return [(domain.slug, domain.name, counts.get(domain.slug, 0)) for domain in domains if counts.get(domain.slug)]

    def kind_options(self):
        counts = dict(
            self.index.terms().order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
        )
        return [(value, label, counts[value]) for value, label in TermKind.choices if counts.get(value)]

    @property
    def language_code(self):
        return get_language()


def folded_words(text):
    return " ".join(fold(word) for word in text.split())


def search_text(term):
    """What the glossary's text filter (page and API) looks in: term, expansion and definition, folded."""
    return folded_words(f"{term.title} {term.expansion} {term.definition}")
