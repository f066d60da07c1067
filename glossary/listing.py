"""The glossary's filters (letter, domain, kind, text), one definition for its page and its JSON API.

Both read the same parameters with the same limits (`TermFilters`) and keep the same terms
(`filter_terms`). They differ only where a page and an API differ everywhere on the site: the
page drops a value it cannot use and answers, the API answers 400 naming the parameter.
"""

from itertools import groupby
from string import ascii_uppercase

from django.db.models import Count, Prefetch
from django.utils.translation import get_language

from glossary.matcher import fold
from glossary.vocabulary import GlossaryDomain, TermKind
from hub.facets import MAX_PARAM_LENGTH
from hub.folding import strip_accents
from hub.localization import localized_objects
from hub.validation import OneOfField, Parameters, TextField

OTHER = "#"
MAX_TERM_QUERY_LENGTH = 200


class TermFilters(Parameters):
    letter = TextField(max_length=1)
    domain = TextField(max_length=MAX_PARAM_LENGTH)
    kind = OneOfField(choices=TermKind.values)
    q = TextField(max_length=MAX_TERM_QUERY_LENGTH)


def initial(title):
    letter = strip_accents(title[:1]).upper()
    return letter if letter in ascii_uppercase else OTHER


def filter_terms(terms, filters):
    """The terms (a queryset) kept by the domain, kind and text filters, in folded alphabetical order.

    The letter is left to the caller (`with_initial`): the page shows which letters the other
    filters leave, then applies it.
    """
    if filters["domain"]:
        terms = terms.filter(domains__slug=filters["domain"])
    if filters["kind"]:
        terms = terms.filter(kind=filters["kind"])
    terms = sorted(terms, key=lambda term: fold(term.title))
    needle = folded_words(filters["q"])
    return [term for term in terms if needle in search_text(term)] if needle else terms


def with_initial(terms, letter):
    letter = letter.upper()
    return [term for term in terms if initial(term.title) == letter] if letter else terms


class GlossaryListing:
    def __init__(self, index, params):
        self.index = index
        filters = TermFilters.read_or_drop(params)
        self.letter = filters["letter"].upper()
        self.domain = filters["domain"]
        self.kind = filters["kind"]
        self.query = filters["q"]

        terms = index.terms().prefetch_related(Prefetch("domains", queryset=GlossaryDomain.objects.all()))
        terms = filter_terms(terms, filters)
        self.letters_present = {initial(term.title) for term in terms}
        terms = with_initial(terms, self.letter)
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
