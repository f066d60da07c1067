"""What the home page shows: the three tools, the way into each section, and the latest content."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.translation import ngettext

from wagtail.models import Locale, Page

from glossary.models import GlossaryIndexPage
from hub.models.content import ContentPage
from hub.models.site_settings import SiteIdentity
from practices.models import (
    ObstacleIndexPage,
    ObstaclePage,
    PerspectiveIndexPage,
    PerspectivePage,
    PracticeIndexPage,
    PracticePage,
    TrainingModuleIndexPage,
    TrainingModulePage,
)
from territories.map import territory_map
from territories.models import TerritoryIndexPage, TerritoryPage

# The sections of the research, in the order a reader discovers it; the glossary and the
# training modules are shown apart, as tools.
SECTION_INDEXES = [PracticeIndexPage, PerspectiveIndexPage, ObstacleIndexPage, TerritoryIndexPage]
LATEST_TYPES = [PracticePage, PerspectivePage, ObstaclePage, TrainingModulePage, TerritoryPage]


def count_label(model, count):
    """How many pages an index holds ("12 bonnes pratiques"), in the reader's language."""
    labels = {
        PracticeIndexPage: ngettext("%(count)d bonne pratique", "%(count)d bonnes pratiques", count),
        PerspectiveIndexPage: ngettext("%(count)d perspective", "%(count)d perspectives", count),
        ObstacleIndexPage: ngettext("%(count)d frein", "%(count)d freins", count),
        TerritoryIndexPage: ngettext("%(count)d territoire", "%(count)d territoires", count),
        TrainingModuleIndexPage: ngettext("%(count)d module", "%(count)d modules", count),
        GlossaryIndexPage: ngettext("%(count)d terme expliqué", "%(count)d termes expliqués", count),
    }
    return labels[model] % {"count": count}


@dataclass
class Entry:
    """An index page of the home page with how many pages it holds."""

    page: Page
    count: int
    count_label: str


def child_counts(home):
    """How many live, public pages each child of the home page holds, by its path: one query."""
    child_path_length = len(home.path) + Page.steplen
    rows = (
        Page.objects.descendant_of(home)
        .filter(depth=home.depth + 2)
        .live()
        .public()
        .annotate(parent_path=Substr("path", 1, child_path_length))
        .order_by()
        .values("parent_path")
        .annotate(count=Count("pk"))
        .values_list("parent_path", "count")
    )
    return dict(rows)


def home_sections(home):
    children = home.get_children().live().public().specific()
    by_type = {type(page): page for page in children}
    counts = child_counts(home)

    def entry(model):
        page = by_type.get(model)
        if page is None:
            return None
        # An index that also lists the untranslated pages of its source language counts them too.
        count = page.listed_pages().count() if hasattr(page, "listed_pages") else counts.get(page.path, 0)
        return Entry(page, count, count_label(model, count))

    territories = list(TerritoryPage.objects.descendant_of(home).live().public().order_by("title"))
    glossary = entry(GlossaryIndexPage)
    return {
        "map": territory_map(territories),
        "glossary": glossary,
        "decoder_url": glossary.page.decoder_url() if glossary else "",
        "modules": entry(TrainingModuleIndexPage),
        "sections": [item for item in map(entry, SECTION_INDEXES) if item],
        "about_pages": about_pages(children),
        "territories": territories,
        "perspectives": PerspectivePage.objects.descendant_of(home).live().public().order_by("number"),
        "latest": latest_pages(home),
    }


def about_pages(children):
    """The pages about the research: not the legal notice or the accessibility statement of the footer."""
    identity = SiteIdentity.load()
    footer_ids = {identity.legal_notice_page_id, identity.accessibility_page_id, identity.sitemap_page_id} - {None}
    footer_keys = set(Page.objects.filter(pk__in=footer_ids).values_list("translation_key", flat=True))
    pages = [page for page in children if isinstance(page, ContentPage) and page.translation_key not in footer_keys]
    # In the order of the source language's tree, whatever order the translations were made in.
    source_order = dict(
        Page.objects.filter(
            locale=Locale.get_default(), translation_key__in=[page.translation_key for page in pages]
        ).values_list("translation_key", "path")
    )
    return sorted(pages, key=lambda page: source_order.get(page.translation_key, page.path))


def latest_pages(home, limit=6):
    content_types = ContentType.objects.get_for_models(*LATEST_TYPES).values()
    return (
        Page.objects.descendant_of(home)
        .live()
        .public()
        .filter(content_type__in=content_types)
        .order_by("-last_published_at")
        .specific()[:limit]
    )
