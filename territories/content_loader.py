"""Loads territories/content/: the index, "Qui coopère ?", the actor types and the six case studies.

Each case study takes its public facts from public_facts.yaml (each fact with the source it was
read in) and its links from kinds.yaml (the pages worth reading for its kind of territory).
"""

from decimal import Decimal
from pathlib import Path

from hub.content_io import ContentError, block_id, body_blocks, read_date, read_yaml, require
from hub.content_spec import PageSpec, index_page_spec
from hub.provenance import Provenance
from territories.models import (
    ActorType,
    BodyLevel,
    CooperatingActorsPage,
    TerritoryIndexPage,
    TerritoryKind,
    TerritoryPage,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def fact_row(fact, owner, position):
    require(fact, ["text", "en", "source"], f"{owner} fact {position + 1}")
    source = fact["source"]
    require(source, ["title", "publisher", "url", "consulted"], f"{owner} fact {position + 1} source")
    if not str(source["url"]).startswith("https://") and not str(source["url"]).startswith("http://"):
        raise ContentError(f"{owner} fact {position + 1}: the source's url must be a web address")
    return {
        "translation_key": block_id(owner, "fact", position),
        "text": fact["text"].strip(),
        "source_title": source["title"],
        "source_publisher": source["publisher"],
        "source_url": source["url"],
        "source_date": read_date(source.get("date"), owner),
        "consulted_on": read_date(source["consulted"], owner),
        "sort_order": position,
    }


def territory_spec(index, item, facts, kinds):
    slug = item["slug"]
    owner = f"territory {slug}"
    require(item, ["title", "department_name", "department_number", "region", "latitude", "longitude"], owner)
    require(item, ["kind", "seed_mention", "summary"], owner)
    if item["kind"] not in TerritoryKind.values:
        raise ContentError(f"{owner}: kind must be one of {TerritoryKind.values}")
    if item["kind"] not in kinds:
        raise ContentError(f"{owner}: kinds.yaml lists no pages for the kind {item['kind']!r}")
    provenance = item.get("summary_provenance", Provenance.EDITORIAL)
    if provenance not in Provenance.values:
        raise ContentError(f"{owner}: summary_provenance must be one of {Provenance.values}")
    for body in item.get("bodies", []):
        if body["level"] not in BodyLevel.values:
            raise ContentError(f"{owner}: unknown body level {body['level']!r}")
    fact_rows = [fact_row(fact, owner, position) for position, fact in enumerate(facts)]

    def build(resolve):
        return {
            "title": item["title"],
            "listing_summary": item["summary"].strip(),
            "summary_provenance": provenance,
            "department_name": item["department_name"],
            "department_number": str(item["department_number"]),
            "region": item["region"],
            "kind": item["kind"],
            "seed_mention": item["seed_mention"],
            "latitude": Decimal(str(item["latitude"])),
            "longitude": Decimal(str(item["longitude"])),
            "body": body_blocks(item.get("body"), owner, resolve),
            "children": {
                "facts": fact_rows,
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
                    for position, page_id in enumerate(resolve(reference) for reference in kinds[item["kind"]])
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
            "body": body_blocks(english.get("body"), owner, lambda reference: 0),
            "facts": [{"text": fact["en"].strip()} for fact in facts],
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
    sync.page(
        index_page_spec(
            "territories/actors", index, CooperatingActorsPage, read_yaml(CONTENT_DIR / "cooperating_actors.yaml")
        )
    )
    for position, actor in enumerate(read_yaml(CONTENT_DIR / "actor_types.yaml")):
        english = actor.get("en") or {}
        sync.snippet(
            ActorType,
            actor["slug"],
            {"name": actor["name"], "description": actor.get("description", "").strip(), "sort_order": position},
            {"name": english["name"], "description": english.get("description", "").strip()} if english else None,
        )
    facts = {entry["territory"]: entry.get("facts", []) for entry in read_yaml(CONTENT_DIR / "public_facts.yaml")}
    kinds = read_yaml(CONTENT_DIR / "kinds.yaml")
    for item in read_yaml(CONTENT_DIR / "territories.yaml"):
        page = sync.page(territory_spec(index, item, facts.get(item["slug"], []), kinds))
        sync.register(f"territory:{item['slug']}", page)
    return index
