"""Loads territories/content/: the index page, the actor types and the six territory case studies."""

from decimal import Decimal
from pathlib import Path

from hub.content_io import ContentError, block_id, body_blocks, read_yaml, require, rich_text
from hub.content_spec import PageSpec, index_page_spec
from territories.models import ActorType, BodyLevel, Presence, TerritoryIndexPage, TerritoryPage

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def territory_spec(index, item, actor_types):
    slug = item["slug"]
    owner = f"territory {slug}"
    require(item, ["title", "department_name", "department_number", "region", "latitude", "longitude"], owner)
    for name in ("cite_educative", "social_mediation"):
        if item.get(name, Presence.UNKNOWN) not in Presence.values:
            raise ContentError(f"{owner}: {name} must be one of {Presence.values}")
    for body in item.get("bodies", []):
        if body["level"] not in BodyLevel.values:
            raise ContentError(f"{owner}: unknown body level {body['level']!r}")
    unknown = [actor for actor in item.get("actor_types", []) if actor not in actor_types]
    if unknown:
        raise ContentError(f"{owner}: unknown actor type(s) {', '.join(unknown)}")

    def build(resolve):
        related = [f"perspective:{number}" for number in item.get("findings", [])]
        related += [f"practice:{practice}" for practice in item.get("practices", [])]
        return {
            "title": item["title"],
            "listing_summary": item.get("summary", "").strip(),
            "department_name": item["department_name"],
            "department_number": str(item["department_number"]),
            "region": item["region"],
            "latitude": Decimal(str(item["latitude"])),
            "longitude": Decimal(str(item["longitude"])),
            "perimeter": rich_text(item.get("perimeter", "")),
            "actor_structuring": rich_text(item.get("actor_structuring", "")),
            "cite_educative": item.get("cite_educative", Presence.UNKNOWN),
            "social_mediation": item.get("social_mediation", Presence.UNKNOWN),
            "body": body_blocks(item.get("body"), owner, resolve),
            "relations": {"actor_types": [actor_types[actor].pk for actor in item.get("actor_types", [])]},
            "children": {
                "cooperation_bodies": [
                    {
                        "translation_key": block_id(owner, "body", position),
                        "level": body["level"],
                        "name": body["name"],
                        "description": body.get("description", "").strip(),
                        "sort_order": position,
                    }
                    for position, body in enumerate(item.get("bodies", []))
                ],
                "related_links": [
                    {"target_id": page_id, "sort_order": position}
                    for position, page_id in enumerate(resolve(reference) for reference in related)
                    if page_id is not None
                ],
            },
            "tags": item.get("themes", []),
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        return {
            "title": english["title"],
            "slug": english.get("slug", slug),
            "listing_summary": english.get("summary", "").strip(),
            "perimeter": rich_text(english.get("perimeter", "")),
            "actor_structuring": rich_text(english.get("actor_structuring", "")),
            "body": body_blocks(english.get("body"), owner, lambda reference: 0),
            "cooperation_bodies": [
                {"name": body["name"], "description": body.get("description", "").strip()}
                for body in english.get("bodies", [])
            ],
        }

    return PageSpec(
        key=f"territories/{slug}",
        parent=index,
        model=TerritoryPage,
        slug=slug,
        data=item,
        build=build,
        translate=translate,
    )


def load(sync, home):
    index = sync.page(
        index_page_spec("territories/index", home, TerritoryIndexPage, read_yaml(CONTENT_DIR / "index.yaml"))
    )
    actor_types = {}
    for position, actor in enumerate(read_yaml(CONTENT_DIR / "actor_types.yaml")):
        english = actor.get("en") or {}
        actor_types[actor["slug"]] = sync.snippet(
            ActorType,
            actor["slug"],
            {"name": actor["name"], "description": actor.get("description", "").strip(), "sort_order": position},
            {"name": english["name"], "description": english.get("description", "").strip()} if english else None,
        )
    for item in read_yaml(CONTENT_DIR / "territories.yaml"):
        page = sync.page(territory_spec(index, item, actor_types))
        sync.register(f"territory:{item['slug']}", page)
    return index
