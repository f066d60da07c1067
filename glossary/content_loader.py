"""Loads glossary/content/: the glossary index, its domains and every term file (terms-*.yaml)."""

from pathlib import Path

from django.utils.text import slugify

from glossary.models import GlossaryDomain, GlossaryIndexPage, GlossaryTermPage, TermKind
from hub.content_io import ContentError, read_yaml, require, rich_text
from hub.content_spec import PageSpec, index_page_spec

CONTENT_DIR = Path(__file__).resolve().parent / "content"
KINDS = set(TermKind.values)


def read_terms(directory=None):
    terms, seen = [], {}
    for path in sorted((directory or CONTENT_DIR).glob("terms-*.yaml")):
        items = read_yaml(path) or []
        if not isinstance(items, list):
            raise ContentError(f"{path}: expected a list of terms")
        for position, item in enumerate(items, start=1):
            owner = f"{path.name} item {position}"
            require(item, ["term", "definition", "kind"], owner)
            slug = item.get("slug") or slugify(item["term"])
            if slug in seen:
                raise ContentError(f"{owner}: slug {slug!r} is already used by {seen[slug]}")
            if item["kind"] not in KINDS:
                raise ContentError(f"{owner}: unknown kind {item['kind']!r} (expected one of {sorted(KINDS)})")
            seen[slug] = owner
            terms.append({**item, "slug": slug})
    return terms


def term_spec(index, item, domains):
    def build(resolve):
        return {
            "title": item["term"],
            "expansion": item.get("expansion") or "",
            "kind": item["kind"],
            "definition": item["definition"].strip(),
            "explanation": rich_text(item.get("explanation", "")),
            "variants": "\n".join(item.get("variants") or []),
            "source": item.get("source") or "",
            "uncertain": bool(item.get("uncertain")),
            "relations": {
                "domains": [domains[slug].pk for slug in item.get("domains", []) if slug in domains],
                "related_terms": [resolve(f"term:{slug}") for slug in item.get("related", [])],
            },
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        values = {
            "title": english.get("term", item["term"]),
            "definition": english["definition"].strip(),
            "explanation": rich_text(english.get("explanation", "")),
            "variants": "\n".join(english.get("variants") or []),
        }
        if item.get("expansion"):
            values["expansion"] = english.get("expansion") or item["expansion"]
        return values

    unknown = [slug for slug in item.get("domains", []) if slug not in domains]
    if unknown:
        raise ContentError(f"term {item['slug']}: unknown domain(s) {', '.join(unknown)}")
    return PageSpec(
        key=f"glossary/term/{item['slug']}",
        parent=index,
        model=GlossaryTermPage,
        slug=item["slug"],
        data=item,
        build=build,
        translate=translate,
    )


def load(sync, home):
    index_data = read_yaml(CONTENT_DIR / "index.yaml")
    index = sync.page(index_page_spec("glossary/index", home, GlossaryIndexPage, index_data))
    domains = {}
    for position, domain in enumerate(index_data.get("domains", [])):
        domains[domain["slug"]] = sync.snippet(
            GlossaryDomain,
            domain["slug"],
            {"name": domain["name"], "sort_order": position},
            {"name": domain["en"]} if domain.get("en") else None,
        )
    for item in read_terms():
        page = sync.page(term_spec(index, item, domains))
        sync.register(f"term:{item['slug']}", page)
    return index
