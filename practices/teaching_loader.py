"""Loads what a teacher needs beside a module: its timed plan, guide, rubric, handout, diplomas,
and the fictional territory that activities can use instead of a placement.

practices/content/teaching/<module>.yaml carries a module's plan (sections and activities by
number), case variants, guide, rubric and handout, French then `en:`; diplomas.yaml the diplomas
(each with the official text its blocks were read in) and which blocks each module serves;
fictional_case.yaml the invented territory, Castelmoutier.
"""

from pathlib import Path

from hub.content_io import ContentError, block_id, list_items, read_date, read_yaml, require, rich_text, stream_blocks
from hub.content_spec import PageSpec
from practices.blocks import PlanStepKind
from practices.models import Diploma, FictionalCasePage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
TEACHING_DIR = CONTENT_DIR / "teaching"


def read_teaching(slug):
    path = TEACHING_DIR / f"{slug}.yaml"
    if not path.exists():
        raise ContentError(f"module {slug}: no teaching file {path.name} (plan, guide, rubric, handout)")
    teaching = read_yaml(path)
    require(teaching, ["duration_minutes", "plan", "guide", "handout", "en"], path.name)
    return teaching


def load_diplomas(sync):
    """The diploma snippets of diplomas.yaml: ({code: Diploma}, {code: {block: (name, name_en)}}, mappings)."""
    data = read_yaml(CONTENT_DIR / "diplomas.yaml")
    diplomas, blocks = {}, {}
    for position, item in enumerate(data["diplomas"]):
        require(item, ["code", "name", "name_en", "reference", "blocks"], f"diploma {item.get('code')}")
        reference = item["reference"]
        diplomas[item["code"]] = sync.snippet(
            Diploma,
            item["code"].lower(),
            {
                "name": item["name"],
                "description": item.get("note", ""),
                "level": item.get("level"),
                "reference_title": reference["title"],
                "reference_url": reference["url"],
                "consulted_on": read_date(reference["consulted"], f"diploma {item['code']}"),
                "sort_order": position,
            },
            {"name": item["name_en"], "description": item.get("note_en", "")},
        )
        blocks[item["code"]] = {block["code"]: (block["name"], block["name_en"]) for block in item["blocks"]}
    return diplomas, blocks, data.get("mappings") or {}


def diploma_rows(owner, mappings, diplomas, blocks, english=False):
    rows = []
    for position, mapping in enumerate(mappings):
        code = mapping["diploma"]
        if code not in diplomas:
            raise ContentError(f"{owner}: unknown diploma {code!r}")
        unknown = [block for block in mapping["blocks"] if block not in blocks[code]]
        if unknown:
            raise ContentError(f"{owner}: {code} has no block {', '.join(unknown)}")
        names = [f"{block} — {blocks[code][block][1 if english else 0]}" for block in mapping["blocks"]]
        if english:
            rows.append({"competences": "\n".join(names), "reason": mapping["why_en"]})
        else:
            rows.append(
                {
                    "translation_key": block_id(owner, "diploma", position),
                    "diploma_id": diplomas[code].pk,
                    "competences": "\n".join(names),
                    "reason": mapping["why"],
                    "sort_order": position,
                }
            )
    return rows


def plan_blocks(owner, plan, activities, titles=None):
    """The plan's steps; `titles` (position -> title) replaces the French titles in a translation."""
    steps = []
    for position, step in enumerate(plan, start=1):
        kind = step.get("kind")
        if kind not in PlanStepKind.values:
            raise ContentError(f"{owner}: plan step {position} has kind {kind!r}, not one of {PlanStepKind.values}")
        number = step.get("section") if kind == PlanStepKind.SECTION else step.get("activity")
        if kind == PlanStepKind.ACTIVITY:
            if not number or not 1 <= number <= len(activities):
                raise ContentError(f"{owner}: plan step {position} names no activity of the module")
            minutes = activities[number - 1]["duration_minutes"]
        else:
            minutes = step.get("minutes")
        title = "" if kind in (PlanStepKind.SECTION, PlanStepKind.ACTIVITY) else step.get("title", "")
        if titles is not None and title:
            title = titles.get(position, title)
        steps.append(("step", {"kind": kind, "number": number, "title": title, "minutes": minutes}))
    return stream_blocks(steps, owner, "plan")


def guide_blocks(owner, guide, activity_titles):
    items = []
    for output in guide.get("expected_outputs", []):
        title = activity_titles[output["activity"] - 1]
        items.append(("expected_output", {"activity": title, "text": rich_text(output["text"])}))
    for answer in guide.get("model_answers", []):
        items.append(("model_answer", {"title": answer["title"], "text": rich_text(answer["text"])}))
    for question in guide.get("debrief_questions", []):
        items.append(("debrief_question", question))
    for item in guide.get("misconceptions", []):
        items.append(("misconception", {"misconception": item["misconception"], "correction": item["correction"]}))
    return stream_blocks(items, owner, "guide")


def rubric_blocks(owner, rubric):
    for criterion in rubric["criteria"]:
        if len(criterion["descriptors"]) != len(rubric["levels"]):
            raise ContentError(f"{owner}: rubric criterion {criterion['criterion']!r} needs one descriptor per level")
    rubric_value = {
        "assignment": rich_text(rubric["assignment"]),
        # Stable item ids: the translation's levels and descriptors pair with the French ones.
        "levels": list_items(rubric["levels"], owner, "rubric", "level"),
        "criteria": list_items(
            [
                {
                    "criterion": criterion["criterion"],
                    "descriptors": list_items(criterion["descriptors"], owner, "rubric", position, "item"),
                }
                for position, criterion in enumerate(rubric["criteria"])
            ],
            owner,
            "rubric",
            "criterion",
        ),
    }
    return stream_blocks([("rubric", rubric_value)], owner, "rubric")


def handout_blocks(owner, handout):
    items = [("key_point", point) for point in handout.get("key_points", [])]
    items += [
        ("reading", {"title": item["title"], "note": item.get("note", "")}) for item in handout["further_reading"]
    ]
    return stream_blocks(items, owner, "handout")


def case_spec(index, data):
    """The fictional territory's page, under the modules' index."""
    owner = "fictional case"
    require(data, ["slug", "title", "summary", "intro", "sections", "actors", "documents", "en"], owner)

    def values(version):
        return {
            "title": version["title"],
            "listing_summary": version["summary"].strip(),
            "intro": rich_text(version["intro"]),
            "sections": stream_blocks(
                [
                    ("section", {"heading": section["heading"], "text": rich_text(section["text"])})
                    for section in version["sections"]
                ],
                owner,
                "section",
            ),
            "actors": stream_blocks(
                [
                    (
                        "actor",
                        {"name": actor["name"], "kind": actor["kind"], "description": actor["description"].strip()},
                    )
                    for actor in version["actors"]
                ],
                owner,
                "actor",
            ),
            "documents": stream_blocks(
                [
                    ("document", {"kind": doc["kind"], "title": doc["title"], "text": rich_text(doc["text"])})
                    for doc in version["documents"]
                ],
                owner,
                "document",
            ),
        }

    def translate():
        english = data["en"]
        return {**values(english), "slug": english.get("slug", data["slug"])}

    return PageSpec(
        "practices/fictional-case",
        index,
        FictionalCasePage,
        data["slug"],
        data,
        lambda resolve: values(data),
        translate,
    )
