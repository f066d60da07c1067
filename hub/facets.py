"""Filtering a listing of pages by facets given in the query string, with counts.

A facet is a relation of the listed pages (tags, a vocabulary snippet, other pages) filtered by
one of its fields. Counts follow the usual faceted-search rule: each facet's counts are computed
on the listing filtered by every *other* selected facet, so that a reader sees what choosing an
option would give. The number of queries depends on the number of facets, never on the number
of pages.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import get_language

from wagtail.models import Locale

from hub.validation import is_clean_text, page_number

MAX_PARAM_LENGTH = 100


def clean_param(value, max_length=MAX_PARAM_LENGTH):
    """A filter value from the query string: printable text of at most max_length characters once folded, else ""."""
    return value if is_clean_text(value, max_length) else ""


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


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
    def __init__(self, param, label, relation, value_field="slug", label_field="name", vocabulary=None):
        self.param = param
        self.label = label
        self.relation = relation
        self.value_lookup = f"{relation}__{value_field}"
        self.label_lookup = f"{relation}__{label_field}"
        self.vocabulary = vocabulary

    def apply(self, queryset, value):
        return queryset.filter(**{self.value_lookup: value})

    def options(self, full_queryset, base_queryset, selected):
        rows = (
            full_queryset.order_by()
            .exclude(**{f"{self.value_lookup}__isnull": True})
            .values(self.value_lookup, self.label_lookup)
            .annotate(n=Count("pk", distinct=True))
            .order_by(self.label_lookup)
        )
        counts = dict(
            base_queryset.order_by()
            .exclude(**{f"{self.value_lookup}__isnull": True})
            .values_list(self.value_lookup)
            .annotate(n=Count("pk", distinct=True))
            .values_list(self.value_lookup, "n")
        )
        labels = self.localized_labels()
        options = []
        for row in rows:
            value = str(row[self.value_lookup])
            label = labels.get(value, row[self.label_lookup])
            options.append(FacetOption(value, label, counts.get(row[self.value_lookup], 0), value == selected))
        if self.vocabulary is not None:
            order = self.vocabulary_order()
            options.sort(key=lambda option: (order.get(option.value, 999), option.label))
        return options

    def localized_labels(self):
        """Names of vocabulary rows in the reader's language, keyed by slug; pages point to French rows."""
        if self.vocabulary is None:
            return {}
        locale = Locale.objects.filter(language_code=get_language()).first()
        if locale is None:
            return {}
        source = self.vocabulary.objects.values_list("translation_key", "slug")
        names = dict(self.vocabulary.objects.filter(locale=locale).values_list("translation_key", "name"))
        return {slug: names[key] for key, slug in source if key in names}

    def vocabulary_order(self):
        return dict(self.vocabulary.objects.values_list("slug", "sort_order"))


class FacetedListing:
    """The result of filtering `queryset` by the facets selected in `params`, paginated."""

    def __init__(self, queryset, facets, params, per_page=12):
        self.facets = facets
        selected = {}
        for facet in facets:
            value = clean_param(params.get(facet.param))
            if value:
                selected[facet.param] = value
        self.selected = selected

        filtered = queryset
        for facet in facets:
            if facet.param in selected:
                filtered = facet.apply(filtered, selected[facet.param])
        self.results = queryset.filter(pk__in=filtered.values("pk"))

        self.states = []
        for facet in facets:
            base = queryset
            for other in facets:
                if other is not facet and other.param in selected:
                    base = other.apply(base, selected[other.param])
            options = facet.options(queryset, base, selected.get(facet.param))
            self.states.append(FacetState(facet, options, selected.get(facet.param)))

        self.paginator = Paginator(self.results, per_page)
        self.page = self.paginator.get_page(page_number(params.get("page")))

    @property
    def is_filtered(self):
        return bool(self.selected)

    def querystring_without_page(self):
        return urlencode(self.selected)
