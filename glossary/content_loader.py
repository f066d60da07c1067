"""Loads glossary/content/: the glossary index, its domains and every term file (terms-*.yaml)."""

from pathlib import Path

from django.utils.text import slugify

from glossary.models import GlossaryDomain, GlossaryIndexPage, GlossaryTermPage
from glossary.term_record import page_values, read_record
from hub.content_io import ContentError, read_yaml, rich_text
from hub.content_spec import PageSpec, index_page_spec

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def domain_slugs():
    return [domain["slug"] for domain in read_yaml(CONTENT_DIR / "index.yaml").get("domains", [])]


def read_terms(directory=None, domains=None):
    """Every term file's items, each checked against the glossary's record schema, English included."""
    domains = domain_slugs() if domains is None else domains
    terms, seen = [], {}
    for path in sorted((directory or CONTENT_DIR).glob("terms-*.yaml")):
        items = read_yaml(path) or []
        if not isinstance(items, list):
            raise ContentError(f"{path}: expected a list of terms")
        for position, item in enumerate(items, start=1):
            owner = f"{path.name} item {position}"
            if not isinstance(item, dict):
                raise ContentError(f"{owner}: expected a term with the fields term, kind, definition...")
            slug = item.get("slug") or slugify(str(item.get("term") or ""))
            if slug in seen:
                raise ContentError(f"{owner}: slug {slug!r} is already used by {seen[slug]}")
            seen[slug] = owner
            try:
                record = read_record(source_record(item, slug), domains)
                english = read_record(english_record(item, slug), domains) if item.get("en") else None
            except ValueError as error:
                raise ContentError(f"{owner}: {error}") from error
            terms.append({**item, "slug": slug, "record": record, "english": english})
    return terms


def source_record(item, slug):
    return {**item, "slug": slug, "explanation": rich_text(item.get("explanation") or "")}


def english_record(item, slug):
    english = item["en"]
    return {
        **source_record(item, slug),
        "slug": english.get("slug", slug),
        "term": english.get("term", item.get("term")),
        "expansion": (english.get("expansion") or item.get("expansion")) if item.get("expansion") else "",
        "definition": english.get("definition"),
        "explanation": rich_text(english.get("explanation") or ""),
        "variants": english.get("variants") or [],
    }


def term_spec(index, item, domains):
    def build(resolve):
        record = item["record"]
        return {
            **page_values(record),
            "relations": {
                "domains": [domains[slug].pk for slug in record["domains"]],
                "related_terms": [resolve(f"term:{slug}") for slug in record["related"]],
            },
        }

    def translate():
        english = item["english"]
        if english is None:
            return None
        values = page_values(english)
        translated = ["title", "definition", "explanation", "variants"] + (
            ["expansion"] if english["expansion"] else []
        )
        return {name: values[name] for name in translated} | {"slug": english["slug"]}

    return PageSpec(
        key=f"glossary/term/{item['slug']}",
        parent=index,
        model=GlossaryTermPage,
        slug=item["slug"],
        data={key: value for key, value in item.items() if key not in ("record", "english")},
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
    for item in read_terms(domains=list(domains)):
        page = sync.page(term_spec(index, item, domains))
        sync.register(f"term:{item['slug']}", page)
    return index
