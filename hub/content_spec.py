"""What an app's content loader gives `hub.content_import.ContentSync` for each page."""

from dataclasses import dataclass, field

from hub.content_io import rich_text


@dataclass
class PageSpec:
    """Everything the loader needs to create or update one page.

    `build(resolve)` returns the page's field values; `resolve(reference)` turns "practice:slug"
    into a page id and records references that do not exist yet, so that the page is built
    again once every file is loaded.
    """

    key: str
    parent: object
    model: type
    slug: str
    data: dict
    build: object
    translate: object = None
    relations: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)


def index_page_spec(key, parent, model, data):
    """An index page described by slug, title, menu title, summary, intro and their `en:` translation."""

    def build(resolve):
        return {
            "title": data["title"],
            "menu_title": data.get("menu_title", ""),
            "listing_summary": data.get("summary", ""),
            "intro": rich_text(data.get("intro", "")),
            "show_in_menus": True,
        }

    def translate():
        english = data.get("en")
        if not english:
            return None
        return {
            "title": english["title"],
            "menu_title": english.get("menu_title", ""),
            "slug": english.get("slug", data["slug"]),
            "listing_summary": english.get("summary", ""),
            "intro": rich_text(english.get("intro", "")),
        }

    return PageSpec(key=key, parent=parent, model=model, slug=data["slug"], data=data, build=build, translate=translate)
