"""Facets: filtering a set of pages by values given in the query string, with a count per value.

One rule for the listings (`FacetedListing`) and for search (`hub.search.service`): each facet's
counts are computed on the pages kept by every *other* selected facet, so that a reader sees what
choosing an option would give. The rule works on memberships, `{page pk: values}` per facet: a
listing reads them with one query per facet (its relations, however many pages it lists), search
from the facts it remembers per content version (`hub.search.facts`).
"""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import get_language

from hub.taxonomy import vocabulary_names
from hub.validation import is_clean_text, page_number

MAX_PARAM_LENGTH = 100


def clean_param(value, max_length=MAX_PARAM_LENGTH):
    """A filter value from the query string: printable text of at most max_length characters once folded, else ""."""
    return value if is_clean_text(value, max_length) else ""


def keeps(memberships, selected, pk, ignore=None):
    """Whether page `pk` holds the value selected in every facet but `ignore`."""
    return all(value in memberships[param].get(pk, ()) for param, value in selected.items() if param != ignore)


def option_counts(memberships, selected):
    """{facet param: Counter of values}, each facet counted on the pages that every other selected facet keeps."""
    counts = {}
    for param, members in memberships.items():
        kept = (values for pk, values in members.items() if keeps(memberships, selected, pk, ignore=param))
        counts[param] = Counter(value for values in kept for value in values)
    return counts


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def facet_options(values, counts, labels, selected, order=None):
    """The options of one facet, by `order` (value -> rank) then label; a value with no label shows itself."""
    options = [
        FacetOption(value, labels.get(value, value), counts.get(value, 0), value == selected) for value in values
    ]
    rank = order or {}
    options.sort(key=lambda option: (rank.get(option.value, 999), str(option.label)))
    return options


@dataclass
class FacetState:
    facet: "Facet"
    options: list
    selected: str | None

    @property
    def param(self):
        return self.facet.param

    @property
    def label(self):
        return self.facet.label


class Facet:
    """A relation of the listed pages (tags, a vocabulary snippet, other pages), filtered by one of its fields."""

    def __init__(self, param, label, relation, value_field="slug", label_field="name", vocabulary=None):
        self.param = param
        self.label = label
        self.value_lookup = f"{relation}__{value_field}"
        self.label_lookup = f"{relation}__{label_field}"
        self.vocabulary = vocabulary

    def apply(self, queryset, value):
        return queryset.filter(**{self.value_lookup: value})

    def read(self, queryset):
        """(memberships {pk: {value}}, labels {value: label}) of the pages of `queryset`, in one query."""
        memberships, labels = {}, {}
        rows = queryset.order_by().filter(**{f"{self.value_lookup}__isnull": False})
        for pk, value, label in rows.values_list("pk", self.value_lookup, self.label_lookup):
            value = str(value)
            memberships.setdefault(pk, set()).add(value)
            labels[value] = label
        return memberships, labels | self.localized_labels()

    def localized_labels(self):
        """Names of vocabulary rows in the reader's language, keyed by slug; pages point to French rows."""
        return vocabulary_names(self.vocabulary, get_language()) if self.vocabulary is not None else {}

    def order(self):
        if self.vocabulary is None:
            return None
        return dict(self.vocabulary.objects.values_list("slug", "sort_order"))


class FacetedListing:
    """The result of filtering `queryset` by the facets selected in `params`, paginated."""

    def __init__(self, queryset, facets, params, per_page=12):
        self.facets = facets
        self.selected = {facet.param: value for facet in facets if (value := clean_param(params.get(facet.param, "")))}
        read = {facet.param: facet.read(queryset) for facet in facets}
        memberships = {param: members for param, (members, _labels) in read.items()}
        counts = option_counts(memberships, self.selected)
        self.states = []
        for facet in facets:
            members, labels = read[facet.param]
            values = sorted(set().union(*members.values()))
            selected = self.selected.get(facet.param)
            options = facet_options(values, counts[facet.param], labels, selected, facet.order())
            self.states.append(FacetState(facet, options, selected))

        self.results = queryset
        for facet in facets:
            if facet.param in self.selected:
                self.results = facet.apply(self.results, self.selected[facet.param])
        if self.selected:
            self.results = queryset.filter(pk__in=self.results.values("pk"))  # one row per page, in its order
        self.paginator = Paginator(self.results, per_page)
        self.page = self.paginator.get_page(page_number(params.get("page")))

    @property
    def is_filtered(self):
        return bool(self.selected)

    def querystring_without_page(self):
        return urlencode(self.selected)
