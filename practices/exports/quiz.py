"""The module's quiz as Moodle imports it into a question bank: GIFT and Moodle XML.

GIFT, as Moodle documents it (docs.moodle.org, "GIFT format"): one question per block,
`::name::text{=right ~wrong ####general feedback}`; the characters ~ = # { } : and the backslash
are escaped with a backslash wherever they are text, and a `$CATEGORY:` line names the question
category, where "/" separates levels (a "/" inside a name is written "//"). Moodle XML follows
docs.moodle.org, "Moodle XML format": a <quiz> of <question type="multichoice">, one answer per
choice, fraction 100 for the right one.
"""

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.utils.html import escape

from practices.exports import xml_document

GIFT_SPECIAL = "\\~=#{}:"
SITE = "Coopérer"


@dataclass
class Question:
    name: str
    text: str
    choices: list  # [(text, correct)]
    explanation: str


def questions(module):
    """The module's quiz questions, named after the module so that they stay recognisable in a question bank."""
    return [
        Question(
            name=f"{module.title} — {number}",
            text=block.value["question"],
            choices=[(choice["text"], bool(choice["correct"])) for choice in block.value["choices"]],
            explanation=block.value["explanation"],
        )
        for number, block in enumerate(module.quiz, start=1)
    ]


def category(module):
    return f"$course$/top/{SITE}/{module.title.replace('/', '//')}"


def gift_escape(text):
    text = " ".join(str(text).split())  # one line: GIFT ends a question at a blank line
    return "".join(f"\\{character}" if character in GIFT_SPECIAL else character for character in text)


def gift(module):
    lines = [
        f"// {SITE} — {module.title}",
        f"// {module.full_url or module.url}",
        "",
        f"$CATEGORY: {category(module)}",
        "",
    ]
    for question in questions(module):
        lines.append(f"::{gift_escape(question.name)}::{gift_escape(question.text)} {{")
        for text, correct in question.choices:
            lines.append(f"\t{'=' if correct else '~'}{gift_escape(text)}")
        lines.append(f"\t####{gift_escape(question.explanation)}")
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def text_element(parent, tag, text, html=False, **attributes):
    element = ET.SubElement(parent, tag, attributes | ({"format": "html"} if html else {}))
    ET.SubElement(element, "text").text = f"<p>{escape(text)}</p>" if html and text else text
    return element


def moodle_xml(module):
    quiz = ET.Element("quiz")
    category_question = ET.SubElement(quiz, "question", type="category")
    text_element(category_question, "category", category(module))
    for question in questions(module):
        element = ET.SubElement(quiz, "question", type="multichoice")
        text_element(element, "name", question.name)
        text_element(element, "questiontext", question.text, html=True)
        text_element(element, "generalfeedback", question.explanation, html=True)
        ET.SubElement(element, "defaultgrade").text = "1"
        ET.SubElement(element, "penalty").text = "0.3333333"
        ET.SubElement(element, "hidden").text = "0"
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for text, correct in question.choices:
            answer = text_element(element, "answer", text, html=True, fraction="100" if correct else "0")
            text_element(answer, "feedback", "", html=True)
    return xml_document(quiz)
