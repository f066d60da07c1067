"""What the home page shows of each section: the way in, a few items, and the latest content."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from hub.models.content import ContentPage
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

SECTION_INDEXES = [
    TerritoryIndexPage,
    PerspectiveIndexPage,
    PracticeIndexPage,
    ObstacleIndexPage,
    TrainingModuleIndexPage,
    GlossaryIndexPage,
]
LATEST_TYPES = [PracticePage, PerspectivePage, ObstaclePage, TrainingModulePage, TerritoryPage]


def home_sections(home):
    children = home.get_children().live().public().specific()
    by_type = {type(page): page for page in children}
    territories = list(TerritoryPage.objects.descendant_of(home).live().public().order_by("title"))
    return {
        "map": territory_map(territories),
        "sections": [by_type[model] for model in SECTION_INDEXES if model in by_type],
        "about_pages": [page for page in children if isinstance(page, ContentPage)],
        "territories": territories,
        "perspectives": PerspectivePage.objects.descendant_of(home).live().public().order_by("number"),
        "latest": latest_pages(home),
        "term_count": GlossaryTermPage.objects.descendant_of(home).live().public().count(),
    }


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
