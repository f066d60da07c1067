"""Loads practices/content/: vocabularies, perspectives, good practices, obstacles and training modules."""

from pathlib import Path

from hub.content_io import ContentError, body_blocks, plain_text, read_yaml, require, rich_text
from hub.content_spec import PageSpec, index_page_spec
from hub.provenance import Provenance
from practices.models import (
    CooperationObject,
    EssentialCondition,
    ObstacleIndexPage,
    ObstaclePage,
    PerspectiveIndexPage,
    PerspectivePage,
    PracticeIndexPage,
    PracticePage,
    Stage,
    TrainingModuleIndexPage,
)
from practices.module_loader import module_spec
from practices.teaching_loader import case_spec, load_diplomas, read_teaching
from territories.models import ActorType

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load_vocabularies(sync):
    taxonomy = read_yaml(CONTENT_DIR / "taxonomy.yaml")
    vocabularies = {}
    for key, model, slug_field, name_field in (
        ("stages", Stage, "number", "name"),
        ("objects", CooperationObject, "slug", "name"),
        ("conditions", EssentialCondition, "number", "title"),
    ):
        rows = {}
        for position, item in enumerate(taxonomy[key]):
            slug = str(item[slug_field])
            english = item.get("en") or {}
            rows[slug] = sync.snippet(
                model,
                slug,
                {"name": item[name_field], "description": plain_text(item.get("description")), "sort_order": position},
                {"name": english[name_field], "description": plain_text(english.get("description"))}
                if english
                else None,
            )
        vocabularies[key] = rows
    return vocabularies


def pick(rows, keys, owner, what):
    unknown = [str(key) for key in keys if str(key) not in rows]
    if unknown:
        raise ContentError(f"{owner}: unknown {what} {', '.join(unknown)}")
    return [rows[str(key)].pk for key in keys]


def perspective_spec(index, item, vocabularies):
    owner = f"perspective {item['number']}"
    require(item, ["number", "slug", "title", "short_title", "context", "actions"], owner)
    conditions = pick(vocabularies["conditions"], item.get("conditions", []), owner, "condition")

    def build(resolve):
        return {
            "title": " ".join(item["title"].split()),
            "number": item["number"],
            "short_title": item["short_title"],
            "listing_summary": " ".join(item.get("summary", "").split()),
            "context": rich_text(item["context"]),
            "actions": rich_text([" ".join(action.split()) for action in item["actions"]]),
            "relations": {"conditions": conditions},
            "tags": item.get("themes", []),
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        return {
            "title": " ".join(english["title"].split()),
            "slug": english.get("slug", item["slug"]),
            "short_title": english["short_title"],
            "listing_summary": " ".join(english.get("summary", "").split()),
            "context": rich_text(english["context"]),
            "actions": rich_text([" ".join(action.split()) for action in english["actions"]]),
        }

    return PageSpec(
        f"practices/perspective/{item['number']}", index, PerspectivePage, item["slug"], item, build, translate
    )


def practice_spec(index, item, vocabularies, actor_types, perspectives_listing):
    slug = item["slug"]
    owner = f"practice {slug}"
    require(item, ["title", "problem", "what_is_done"], owner)
    stages = pick(vocabularies["stages"], item.get("stages", []), owner, "stage")
    objects = pick(vocabularies["objects"], item.get("objects", []), owner, "object of cooperation")
    actors = pick(actor_types, item.get("actor_types", []), owner, "actor type")
    perspective_numbers = sorted(set(item.get("perspectives", [])) | perspectives_listing.get(slug, set()))

    def build(resolve):
        return {
            "title": item["title"],
            "listing_summary": item.get("summary", "").strip(),
            "problem": rich_text(item["problem"]),
            "what_is_done": rich_text(item["what_is_done"]),
            "synthesis_section": item.get("synthesis_section", ""),
            "guidance_provenance": item.get("guidance_provenance", Provenance.EDITORIAL),
            "success_conditions": rich_text(item.get("success_conditions")),
            "pitfalls": rich_text(item.get("pitfalls")),
            "effect_indicators": rich_text(item.get("effect_indicators")),
            "result_indicators": rich_text(item.get("result_indicators")),
            "body": body_blocks(item.get("body"), owner, resolve),
            "relations": {
                "stages": stages,
                "objects_of_cooperation": objects,
                "actor_types": actors,
                "territories": [resolve(f"territory:{territory}") for territory in item.get("territories", [])],
                "perspectives": [resolve(f"perspective:{number}") for number in perspective_numbers],
            },
            "tags": item.get("themes", []),
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        require(english, ["slug", "title", "problem", "what_is_done"], f"{owner} (en)")
        return {
            "title": english["title"],
            "slug": english["slug"],
            "listing_summary": english.get("summary", "").strip(),
            "problem": rich_text(english["problem"]),
            "what_is_done": rich_text(english["what_is_done"]),
            "success_conditions": rich_text(english.get("success_conditions")),
            "pitfalls": rich_text(english.get("pitfalls")),
            "effect_indicators": rich_text(english.get("effect_indicators")),
            "result_indicators": rich_text(english.get("result_indicators")),
            "body": body_blocks(english.get("body"), owner, lambda reference: 0),
        }

    return PageSpec(f"practices/practice/{slug}", index, PracticePage, slug, item, build, translate)


def obstacle_spec(index, item):
    slug = item["slug"]
    owner = f"obstacle {slug}"
    require(item, ["title", "description"], owner)

    def with_quote(data):
        body = list(data.get("body") or [])
        if data.get("quote"):
            body.append({"quote": data["quote"]})
        return body

    def build(resolve):
        body = with_quote(item)
        return {
            "title": item["title"],
            "listing_summary": item.get("summary", "").strip(),
            "description": rich_text(item["description"]),
            "body": body_blocks(body, owner, resolve),
            "relations": {
                "answered_by": [resolve(f"practice:{practice}") for practice in item.get("answered_by", [])],
                "perspectives": [resolve(f"perspective:{number}") for number in item.get("perspectives", [])],
            },
            "tags": item.get("themes", []),
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        require(english, ["slug", "title", "description"], f"{owner} (en)")
        return {
            "title": english["title"],
            "slug": english["slug"],
            "listing_summary": english.get("summary", "").strip(),
            "description": rich_text(english["description"]),
            "body": body_blocks(with_quote(english), owner, lambda reference: 0),
        }

    return PageSpec(f"practices/obstacle/{slug}", index, ObstaclePage, slug, item, build, translate)


def load(sync, home):
    vocabularies = load_vocabularies(sync)
    actor_types = {actor.slug: actor for actor in ActorType.objects.filter(locale=sync.french)}
    indexes = read_yaml(CONTENT_DIR / "indexes.yaml")

    perspective_index = sync.page(
        index_page_spec("practices/perspectives", home, PerspectiveIndexPage, indexes["perspectives"])
    )
    perspectives = read_yaml(CONTENT_DIR / "perspectives.yaml")
    practices_of_perspective = {}
    for item in perspectives:
        page = sync.page(perspective_spec(perspective_index, item, vocabularies))
        sync.register(f"perspective:{item['number']}", page)
        for practice in item.get("practices", []):
            practices_of_perspective.setdefault(practice, set()).add(item["number"])

    practice_index = sync.page(index_page_spec("practices/practices", home, PracticeIndexPage, indexes["practices"]))
    for item in read_yaml(CONTENT_DIR / "practices.yaml"):
        page = sync.page(practice_spec(practice_index, item, vocabularies, actor_types, practices_of_perspective))
        sync.register(f"practice:{item['slug']}", page)

    obstacle_index = sync.page(index_page_spec("practices/obstacles", home, ObstacleIndexPage, indexes["obstacles"]))
    for item in read_yaml(CONTENT_DIR / "obstacles.yaml"):
        sync.register(f"obstacle:{item['slug']}", sync.page(obstacle_spec(obstacle_index, item)))

    module_index = sync.page(index_page_spec("practices/modules", home, TrainingModuleIndexPage, indexes["modules"]))
    sync.register(
        "page:territoire-fictif", sync.page(case_spec(module_index, read_yaml(CONTENT_DIR / "fictional_case.yaml")))
    )
    diplomas = load_diplomas(sync)
    for item in read_yaml(CONTENT_DIR / "modules.yaml"):
        spec = module_spec(module_index, item, read_teaching(item["slug"]), diplomas)
        sync.register(f"module:{item['slug']}", sync.page(spec))
