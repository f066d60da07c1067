"""A module's quiz and the whole module, taken into Moodle: GIFT, Moodle XML and IMS Common Cartridge.

Each export is read back the way an importer would: GIFT with a reader written from Moodle's
documentation (tests/practices/gift.py), Moodle XML against a schema of its documented structure,
the cartridge's manifest and question bank against the IMS Common Cartridge 1.1 schemas shipped in
tests/practices/schemas/. Questions and right answers must come back as many and as written.
"""

import io
import re
import zipfile
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from practices.exports import quiz
from practices.models import TrainingModulePage
from tests.practices.gift import GiftSyntaxError, parse_gift

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent / "schemas"
MOODLE_XML_SCHEMA = SCHEMAS / "moodle_quiz.xsd"
CARTRIDGE_SCHEMAS = SCHEMAS / "imscc_v1p1"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def modules(language_code):
    found = list(TrainingModulePage.objects.live().filter(locale__language_code=language_code).order_by("path"))
    assert len(found) == 5
    return found


def quiz_of(module):
    """[(question, [(choice, correct)], explanation)] as the page holds it."""
    return [
        (
            block.value["question"],
            [(choice["text"], bool(choice["correct"])) for choice in block.value["choices"]],
            block.value["explanation"],
        )
        for block in module.quiz
    ]


def download(client, module, name):
    response = client.get(module.routed_url(name))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_gift_export_parses_and_gives_back_each_question_and_right_answer(client, language_code):
    for module in modules(language_code):
        text = download(client, module, "gift").decode("utf-8")
        questions = parse_gift(text)
        expected = quiz_of(module)
        assert len(questions) == len(expected) == 6, module.slug
        for question, (wording, choices, explanation) in zip(questions, expected, strict=True):
            assert question.text == " ".join(wording.split())
            assert [(answer.text, answer.correct) for answer in question.answers] == choices
            assert sum(answer.correct for answer in question.answers) == 1
            assert question.general_feedback == " ".join(explanation.split())
            assert question.category == f"$course$/top/Coopérer/{module.title.replace('/', '//')}"


def test_gift_escapes_every_special_character_and_keeps_accents(french):
    module = TrainingModulePage.objects.filter(locale=french).first()
    block = module.quiz[0]
    tricky = "Qu'est-ce qu'une « IP » : {signalement} ~ information = #préoccupante \\ ?"
    block.value["question"] = tricky
    block.value["explanation"] = "Réponse : voir l'article L. 226-3 {CASF}."
    text = quiz.gift(module)
    assert "Qu'est-ce qu'une « IP » \\: \\{signalement\\} \\~ information \\= \\#préoccupante \\\\ ?" in text
    question = parse_gift(text)[0]
    assert question.text == tricky
    assert question.general_feedback == "Réponse : voir l'article L. 226-3 {CASF}."


def test_the_gift_reader_rejects_an_unescaped_special_character():
    with pytest.raises(GiftSyntaxError):
        parse_gift("::Q::Deux points : non échappés {=oui ~non}\n")


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_moodle_xml_export_follows_the_format_and_gives_back_the_quiz(client, language_code):
    schema = xmlschema.XMLSchema(MOODLE_XML_SCHEMA)
    for module in modules(language_code):
        content = download(client, module, "moodle-xml")
        schema.validate(io.BytesIO(content))
        root = parse_xml(content)
        questions = root.findall("question[@type='multichoice']")
        expected = quiz_of(module)
        assert len(questions) == len(expected)
        assert root.find("question[@type='category']/category/text").text.endswith(module.title.replace("/", "//"))
        for question, (wording, choices, explanation) in zip(questions, expected, strict=True):
            assert html_text(question.find("questiontext/text").text) == wording
            assert html_text(question.find("generalfeedback/text").text) == explanation
            answers = question.findall("answer")
            assert [answer.get("fraction") == "100" for answer in answers] == [correct for _text, correct in choices]
            assert sum(answer.get("fraction") == "100" for answer in answers) == 1


def html_text(fragment):
    return unescape(re.sub(r"<[^>]+>", "", fragment))


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - the site's own export, read back


def open_cartridge(client, module):
    archive = zipfile.ZipFile(io.BytesIO(download(client, module, "cartridge")))
    assert archive.testzip() is None
    return archive


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_cartridge_manifest_is_valid_common_cartridge_1_1_and_holds_the_whole_module(client, language_code):
    manifest_schema = xmlschema.XMLSchema(CARTRIDGE_SCHEMAS / "ccv1p1_imscp_v1p2_v1p0.xsd")
    for module in modules(language_code):
        archive = open_cartridge(client, module)
        manifest = archive.read("imsmanifest.xml")
        manifest_schema.validate(io.BytesIO(manifest))
        root = parse_xml(manifest)
        names = set(archive.namelist())
        resources = {resource.get("identifier"): resource for resource in root.iter(f"{CP}resource")}
        for resource in resources.values():
            for file in resource.findall(f"{CP}file"):
                assert file.get("href") in names, file.get("href")
        items = [item for item in root.iter(f"{CP}item") if item.get("identifierref")]
        assert {item.get("identifierref") for item in items} <= set(resources)
        web_pages = [resource for resource in resources.values() if resource.get("type") == "webcontent"]
        # Presentation and plan, every section, every activity, the handout, the fictional territory.
        assert len(web_pages) == 1 + len(module.sections) + len(module.activities) + 1 + 1
        banks = [r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank"]
        assert len(banks) == 1
        assert banks[0].get("identifier") not in {item.get("identifierref") for item in items}


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_cartridge_question_bank_is_valid_qti_and_gives_back_the_quiz(client, language_code):
    qti_schema = xmlschema.XMLSchema(CARTRIDGE_SCHEMAS / "ccv1p1_qtiasiv1p2p1_v1p0.xsd")
    for module in modules(language_code):
        bank = open_cartridge(client, module).read("question_bank/quiz.xml")
        qti_schema.validate(io.BytesIO(bank))
        items = parse_xml(bank).findall(f"{QTI}objectbank/{QTI}item")
        expected = quiz_of(module)
        assert len(items) == len(expected)
        for item, (wording, choices, _explanation) in zip(items, expected, strict=True):
            assert item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text == wording
            labels = item.findall(f".//{QTI}response_label")
            right = item.find(f".//{QTI}respcondition/{QTI}conditionvar/{QTI}varequal").text
            assert [label.get("ident") == right for label in labels] == [correct for _text, correct in choices]


def test_the_cartridge_pages_say_the_case_territory_is_fictional_in_their_language(client, french, english):
    for language, banner in ((french, "Territoire fictif."), (english, "Fictional area.")):
        module = TrainingModulePage.objects.filter(locale=language).first()
        case_page = open_cartridge(client, module).read("web_resources/territoire-fictif.html").decode()
        assert banner in case_page
        assert f'<html lang="{language.language_code}">' in case_page
