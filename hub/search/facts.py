"""What search reads about a locale's pages besides the index, remembered per content version.

Facet memberships (territories, themes), their labels, how central each glossary term is, and the
editors' promoted pages change only when content changes; reading them once per content version
and process (`hub.content_cache.remembered`) takes eleven queries out of every search.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale

from glossary.models import GlossaryTermPage
from hub.content_cache import remembered
from hub.search.log import log_key
from hub.taxonomy import theme_names
from practices.models import ObstaclePage, PerspectivePage, PracticePage, TrainingModulePage
from territories.models import TerritoryPage

TAGGED_MODELS = (TerritoryPage, PracticePage, PerspectivePage, ObstaclePage, TrainingModulePage)


@dataclass
class LocaleFacts:
    territories: dict = field(default_factory=dict)  # page pk -> {territory slug}: a territory, a practice seen there
    themes: dict = field(default_factory=dict)  # page pk -> {tag slug}
    territory_labels: dict = field(default_factory=dict)  # slug -> title
    theme_labels: dict = field(default_factory=dict)  # slug -> name
    terms: dict = field(default_factory=dict)  # term pk -> (modules and terms that point to it, expansion)


def locale_for(language_code):
    return remembered(
        f"search:locale:{language_code}", lambda: Locale.objects.filter(language_code=language_code).first()
    )


def locale_facts(locale):
    return remembered(f"search:facts:{locale.pk}", lambda: read_facts(locale))


def read_facts(locale):
    facts = LocaleFacts()
    for pk, slug, title in TerritoryPage.objects.filter(locale=locale).values_list("pk", "slug", "title"):
        facts.territories.setdefault(pk, set()).add(slug)
        facts.territory_labels[slug] = title
    seen_in = PracticePage.territories.through.objects.filter(practicepage__locale=locale)
    for pk, slug in seen_in.values_list("practicepage_id", "territorypage__slug"):
        facts.territories.setdefault(pk, set()).add(slug)
    for model in TAGGED_MODELS:
        tagged = model.tags.through.objects.filter(content_object__locale=locale)
        for pk, slug, name in tagged.values_list("content_object_id", "tag__slug", "tag__name"):
            facts.themes.setdefault(pk, set()).add(slug)
            facts.theme_labels[slug] = name
    facts.theme_labels |= {
        slug: name for slug, name in theme_names(locale.language_code).items() if slug in facts.theme_labels
    }
    terms = GlossaryTermPage.objects.filter(locale=locale).annotate(
        links=Count("modules", distinct=True) + Count("glossarytermpage", distinct=True)
    )
    facts.terms = {pk: (links, expansion) for pk, links, expansion in terms.values_list("pk", "links", "expansion")}
    return facts


def promoted_page_ids(query):
    """The pages editors pinned to a query, in their order (any locale, live or not: the caller filters)."""
    promotions = remembered("search:promotions", read_promotions)
    return promotions.get(log_key(query), [])


def read_promotions():
    promotions = {}
    rows = SearchPromotion.objects.filter(page__isnull=False).order_by("sort_order")
    for query_string, page_id in rows.values_list("query__query_string", "page_id"):
        promotions.setdefault(query_string, []).append(page_id)
    return promotions
