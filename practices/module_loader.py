"""Loads a training module from practices/content/modules.yaml, with its English translation."""

from hub.content_io import ContentError, block_id, list_items, require, rich_text
from hub.content_spec import PageSpec
from practices.models import DiplomaLevel, TrainingModulePage


def module_spec(index, item):
    slug = item["slug"]
    owner = f"module {slug}"
    require(item, ["title", "audience", "diploma_level", "duration_minutes", "objectives", "sections"], owner)
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
            "duration_minutes": item["duration_minutes"],
            "objectives": rich_text(item["objectives"]),
            "prerequisites": rich_text(item.get("prerequisites")),
            "sections": [
                {
                    "type": "section",
                    "id": block_id(owner, "section", position),
                    "value": {"title": section["title"], "text": rich_text(section["text"])},
                }
                for position, section in enumerate(item["sections"])
            ],
            "activities": [
                {
                    "type": "activity",
                    "id": block_id(owner, "activity", position),
                    "value": {
                        "title": activity["title"],
                        "duration_minutes": activity["duration_minutes"],
                        "instructions": rich_text(activity["instructions"]),
                    },
                }
                for position, activity in enumerate(item.get("activities", []))
            ],
            "quiz": [
                {
                    "type": "question",
                    "id": block_id(owner, "quiz", position),
                    "value": {
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
                }
                for position, question in enumerate(item.get("quiz", []))
            ],
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
        for name in ("relations", "tags", "diploma_level", "duration_minutes"):
            values.pop(name)
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
            for block, translated in zip(values[field], english_items, strict=True):
                block["value"] = translated_block(field, block["value"], translated, owner)
        return values

    return PageSpec(f"practices/module/{slug}", index, TrainingModulePage, slug, item, build, translate)


def translated_block(field, value, english, owner):
    """A module's section, activity or quiz question with the English text in place of the French."""
    if field == "sections":
        return {"title": english["title"], "text": rich_text(english["text"])}
    if field == "activities":
        return {**value, "title": english["title"], "instructions": rich_text(english["instructions"])}
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
