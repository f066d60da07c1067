"""The whole module as an IMS Common Cartridge 1.1 that Moodle restores as a course section.

Why Common Cartridge rather than SCORM 1.2: SCORM packages one launchable object that Moodle plays
inside a single activity, with its own navigation and tracking; a cartridge is unpacked by Moodle's
import into native pieces the teacher can edit — each page of the module becomes a page of the
course section, and the quiz becomes a category of the course's question bank.

The package (a ZIP) holds imsmanifest.xml (CC 1.1, the profile of IMS Content Packaging 1.2), one
standalone HTML file per part of the module (presentation and plan, each section, each activity,
the handout, and the fictional territory the activities use) and the quiz as a QTI 1.2 question
bank (cc.multiple_choice.v0p1 items).
"""

import io
import re
import zipfile
from xml.etree import ElementTree as ET

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import override

from practices.exports import xml_document
from practices.exports.quiz import questions

CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
SCHEMA_LOCATIONS = (
    f"{CP} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{LOM_MANIFEST} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd"
)
QTI_LOCATION = f"{QTI} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
QUESTION_BANK = "question_bank/quiz.xml"
WEB_CONTENT = "webcontent"
QUESTION_BANK_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank"
RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')

ET.register_namespace("lomimscc", LOM_MANIFEST)
ET.register_namespace("xsi", XSI)


def absolute_links(html, root_url):
    """Links to the site's own pages keep working once the page is inside Moodle."""
    return RELATIVE_LINK.sub(rf'\1="{root_url}/', html)


def parts(module, case, root_url):
    """[(title, file name, html)] of the cartridge's pages, in the module's order."""
    language = module.locale.language_code
    context = {"module": module, "case": case, "language": language}

    def page(template, title, **extra):
        html = render_to_string(f"practices/exports/{template}", context | extra | {"title": title})
        return absolute_links(html, root_url)

    with override(language):
        from django.utils.translation import gettext as _

        pages = [(_("Présentation et déroulé"), "00-presentation.html", page("presentation.html", module.title))]
        for number, block in enumerate(module.sections, start=1):
            title = block.value["title"]
            pages.append(
                (title, f"{number:02d}-{slugify(title)[:40]}.html", page("section.html", title, section=block.value))
            )
        for number, block in enumerate(module.activities, start=1):
            title = block.value["title"]
            name = f"activite-{number}-{slugify(title)[:40]}.html"
            pages.append((title, name, page("activity.html", title, activity=block.value, number=number)))
        pages.append((_("Fiche à emporter"), "fiche.html", page("handout.html", _("Fiche à emporter"))))
        if case is not None:
            pages.append((case.title, "territoire-fictif.html", page("case.html", case.title)))
    return pages


def manifest(module, pages):
    language = module.locale.language_code
    root = ET.Element(
        "manifest",
        {"xmlns": CP, "identifier": f"M_{module.translation_key.hex}", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS},
    )
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Common Cartridge"
    ET.SubElement(metadata, "schemaversion").text = "1.1.0"
    lom = ET.SubElement(metadata, f"{{{LOM_MANIFEST}}}lom")
    general = ET.SubElement(lom, f"{{{LOM_MANIFEST}}}general")
    title = ET.SubElement(general, f"{{{LOM_MANIFEST}}}title")
    ET.SubElement(title, f"{{{LOM_MANIFEST}}}string", language=language).text = module.title
    ET.SubElement(general, f"{{{LOM_MANIFEST}}}language").text = language
    if module.summary:
        description = ET.SubElement(general, f"{{{LOM_MANIFEST}}}description")
        ET.SubElement(description, f"{{{LOM_MANIFEST}}}string", language=language).text = module.summary

    organizations = ET.SubElement(root, "organizations")
    organization = ET.SubElement(organizations, "organization", identifier="O_1", structure="rooted-hierarchy")
    top = ET.SubElement(organization, "item", identifier="I_ROOT")
    section = ET.SubElement(top, "item", identifier="I_MODULE")
    ET.SubElement(section, "title").text = module.title
    resources = ET.SubElement(root, "resources")
    for number, (page_title, name, _html) in enumerate(pages, start=1):
        item = ET.SubElement(section, "item", identifier=f"I_{number:03d}", identifierref=f"R_{number:03d}")
        ET.SubElement(item, "title").text = page_title
        href = f"web_resources/{name}"
        resource = ET.SubElement(resources, "resource", identifier=f"R_{number:03d}", type=WEB_CONTENT, href=href)
        ET.SubElement(resource, "file", href=href)
    bank = ET.SubElement(resources, "resource", identifier="R_QUESTION_BANK", type=QUESTION_BANK_TYPE)
    ET.SubElement(bank, "file", href=QUESTION_BANK)
    return xml_document(root)


def qti_element(parent, tag, attributes=None, text=None):
    element = ET.SubElement(parent, tag, attributes or {})
    if text is not None:
        element.text = text
    return element


def material(parent, text, texttype="text/plain"):
    qti_element(qti_element(parent, "material"), "mattext", {"texttype": texttype}, text)


def metadata_fields(parent, fields):
    block = qti_element(parent, "qtimetadata")
    for label, entry in fields:
        field = qti_element(block, "qtimetadatafield")
        qti_element(field, "fieldlabel", text=label)
        qti_element(field, "fieldentry", text=entry)


def question_bank(module):
    root = ET.Element("questestinterop", {"xmlns": QTI, f"{{{XSI}}}schemaLocation": QTI_LOCATION})
    bank = qti_element(root, "objectbank", {"ident": f"QB_{module.translation_key.hex}"})
    metadata_fields(bank, [("cc_profile", "cc.exam.v0p1")])
    for number, question in enumerate(questions(module), start=1):
        ident = f"Q_{number:02d}"
        item = qti_element(bank, "item", {"ident": ident, "title": question.name})
        metadata_fields(
            qti_element(item, "itemmetadata"), [("cc_profile", "cc.multiple_choice.v0p1"), ("cc_weighting", "1")]
        )
        presentation = qti_element(item, "presentation")
        material(presentation, question.text)
        response = qti_element(presentation, "response_lid", {"ident": f"{ident}_RESPONSE", "rcardinality": "Single"})
        render = qti_element(response, "render_choice")
        right = None
        for position, (text, correct) in enumerate(question.choices):
            label = f"{ident}_{chr(65 + position)}"
            material(qti_element(render, "response_label", {"ident": label}), text)
            right = label if correct else right
        processing = qti_element(item, "resprocessing")
        qti_element(
            qti_element(processing, "outcomes"),
            "decvar",
            {"varname": "SCORE", "vartype": "Decimal", "minvalue": "0", "maxvalue": "100"},
        )
        condition = qti_element(processing, "respcondition", {"continue": "No"})
        qti_element(qti_element(condition, "conditionvar"), "varequal", {"respident": f"{ident}_RESPONSE"}, right)
        qti_element(condition, "setvar", {"varname": "SCORE", "action": "Set"}, "100")
        qti_element(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
        otherwise = qti_element(processing, "respcondition", {"continue": "No"})
        qti_element(qti_element(otherwise, "conditionvar"), "other")
        qti_element(otherwise, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
        feedback = qti_element(item, "itemfeedback", {"ident": "general_fb"})
        material(qti_element(feedback, "flow_mat"), question.explanation)
    return xml_document(root)


def cartridge(module, case, root_url):
    """The .imscc file (a ZIP) of `module`, with `case` (the fictional territory) if there is one."""
    pages = parts(module, case, root_url)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest(module, pages))
        for _title, name, html in pages:
            archive.writestr(f"web_resources/{name}", html)
        archive.writestr(QUESTION_BANK, question_bank(module))
    return buffer.getvalue()
