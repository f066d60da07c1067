"""A training module taken away: its quiz for Moodle (GIFT, Moodle XML) and the whole module as an
IMS Common Cartridge. Each export is built from the published page, in the page's language."""

from xml.etree import ElementTree as ET


def xml_document(root):
    """An ElementTree as an indented UTF-8 document.

    A document in a default namespace names it in its root's own `xmlns` attribute and leaves its
    elements unqualified: ElementTree's prefix registry is global to the process, so registering
    two default namespaces in turn would race between requests.
    """
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
