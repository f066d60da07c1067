"""Loads a training module from practices/content/modules.yaml and its teaching file, with their English."""

from hub.content_io import ContentError, list_items, require, rich_text, stream_blocks
from hub.content_spec import PageSpec
from practices.models import DiplomaLevel, TrainingModulePage
from practices.teaching_loader import diploma_rows, guide_blocks, handout_blocks, plan_blocks, rubric_blocks


def module_spec(index, item, teaching, diplomas):
    """`teaching`: the module's teaching file; `diplomas`: (snippets by code, blocks by code, mappings)."""
    slug = item["slug"]
    owner = f"module {slug}"
    require(item, ["title", "audience", "diploma_level", "objectives", "sections"], owner)
    diploma_snippets, diploma_blocks, mappings = diplomas
    english_teaching = teaching["en"]
    if item["diploma_level"] not in DiplomaLevel.values:
        raise ContentError(f"{owner}: diploma_level must be one of {DiplomaLevel.values}")
    for number, question in enumerate(item.get("quiz", []), start=1):
        if not 0 <= question["answer"] < len(question["choices"]):
            raise ContentError(f"{owner}: quiz question {number} has no choice number {question['answer']}")

    def build(resolve):
        return {
            "title": item["title"],
            "listing_summary": item.get("summary", "").strip(),
            "audience": rich_text(item["audience"]),
            "diploma_level": item["diploma_level"],
            "duration_minutes": teaching["duration_minutes"],
            "objectives": rich_text(item["objectives"]),
            "prerequisites": rich_text(item.get("prerequisites")),
            "sections": stream_blocks(
                [
                    ("section", {"title": section["title"], "text": rich_text(section["text"])})
                    for section in item["sections"]
                ],
                owner,
                "section",
            ),
            "activities": stream_blocks(
                [
                    (
                        "activity",
                        {
                            "title": activity["title"],
                            "duration_minutes": activity["duration_minutes"],
                            "instructions": rich_text(activity["instructions"]),
                            "case_variant": rich_text(teaching.get("case_variants", {}).get(position + 1, "")),
                        },
                    )
                    for position, activity in enumerate(item.get("activities", []))
                ],
                owner,
                "activity",
            ),
            "plan": plan_blocks(owner, teaching["plan"], item.get("activities", [])),
            "guide": guide_blocks(
                owner, teaching["guide"], [activity["title"] for activity in item.get("activities", [])]
            ),
            "rubric": rubric_blocks(owner, teaching["guide"]["rubric"]),
            "handout": handout_blocks(owner, teaching["handout"]),
            "children": {"diplomas": diploma_rows(owner, mappings.get(slug, []), diploma_snippets, diploma_blocks)},
            "quiz": stream_blocks(
                [
                    (
                        "question",
                        {
                            "question": question["question"],
                            "choices": list_items(
                                [
                                    {"text": choice, "correct": number == question["answer"]}
                                    for number, choice in enumerate(question["choices"])
                                ],
                                owner,
                                "quiz",
                                position,
                                "choice",
                            ),
                            "explanation": question["explanation"],
                        },
                    )
                    for position, question in enumerate(item.get("quiz", []))
                ],
                owner,
                "quiz",
            ),
            "relations": {
                "practices": [resolve(f"practice:{practice}") for practice in item.get("practices", [])],
                "perspectives": [resolve(f"perspective:{number}") for number in item.get("perspectives", [])],
                "terms": [resolve(f"term:{term}") for term in item.get("terms", [])],
            },
            "tags": item.get("themes", []),
        }

    def translate():
        english = item.get("en")
        if not english:
            return None
        require(english, ["slug", "title", "audience", "objectives", "sections"], f"{owner} (en)")
        values = build(lambda reference: 0)
        for name in ("relations", "tags", "diploma_level", "duration_minutes", "children"):
            values.pop(name)
        english_activities = english.get("activities", [])
        values |= {
            "plan": plan_blocks(
                owner, teaching["plan"], item.get("activities", []), english_teaching.get("plan_titles", {})
            ),
            "guide": guide_blocks(
                owner, english_teaching["guide"], [activity["title"] for activity in english_activities]
            ),
            "rubric": rubric_blocks(owner, english_teaching["guide"]["rubric"]),
            "handout": handout_blocks(owner, english_teaching["handout"]),
            "diplomas": diploma_rows(owner, mappings.get(slug, []), diploma_snippets, diploma_blocks, english=True),
        }
        english_variants = english_teaching.get("case_variants", {})
        values |= {
            "title": english["title"],
            "slug": english["slug"],
            "listing_summary": english.get("summary", "").strip(),
            "audience": rich_text(english["audience"]),
            "objectives": rich_text(english["objectives"]),
            "prerequisites": rich_text(english.get("prerequisites")),
        }
        for field, english_items in (
            ("sections", english["sections"]),
            ("activities", english.get("activities", [])),
            ("quiz", english.get("quiz", [])),
        ):
            if len(english_items) != len(values[field]):
                raise ContentError(
                    f"{owner} (en): {len(english_items)} {field} where the French has {len(values[field])}"
                )
            for position, (block, translated) in enumerate(zip(values[field], english_items, strict=True)):
                if field == "activities":
                    translated = {**translated, "case_variant": english_variants.get(position + 1, "")}
                block["value"] = translated_block(field, block["value"], translated, owner)
        return values

    return PageSpec(f"practices/module/{slug}", index, TrainingModulePage, slug, item, build, translate)


def translated_block(field, value, english, owner):
    """A module's section, activity or quiz question with the English text in place of the French."""
    if field == "sections":
        return {"title": english["title"], "text": rich_text(english["text"])}
    if field == "activities":
        return {
            **value,
            "title": english["title"],
            "instructions": rich_text(english["instructions"]),
            "case_variant": rich_text(english.get("case_variant", "")),
        }
    if len(english["choices"]) != len(value["choices"]):
        raise ContentError(f"{owner} (en): question {english['question']!r} has another number of choices")
    return {
        "question": english["question"],
        "choices": [
            {**choice, "value": {**choice["value"], "text": text}}
            for choice, text in zip(value["choices"], english["choices"], strict=True)
        ],
        "explanation": english["explanation"],
    }
