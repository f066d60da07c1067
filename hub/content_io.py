"""Reading the hub's hand-written content files: YAML, a small rich-text format and body blocks.

The rich-text format: paragraphs separated by blank lines; lines starting with "- " form a bullet
list, "1. " a numbered list; **bold**, *italic* and [external links](https://...) inline. Nothing
else, so that the files stay readable and the HTML they give is always valid.
"""

import datetime
import re
import uuid
from html import escape
from pathlib import Path

import yaml

BULLET = re.compile(r"^\s*-\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s()'\"<>]+)\)")
BLOCK_ID_NAMESPACE = uuid.UUID("0b1c6a52-55a7-4d0e-9a55-2c2b2f0d6a11")


class ContentError(ValueError):
    """A content file that cannot be loaded; the message names the file and the place."""


def read_yaml(path):
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise ContentError(f"{path}: file not found") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ContentError(f"{path}:{where} is not valid YAML ({getattr(error, 'problem', error)})") from error


def inline(text):
    html = escape(text.strip(), quote=False)
    html = LINK.sub(r'<a href="\2">\1</a>', html)
    html = BOLD.sub(r"<b>\1</b>", html)
    return ITALIC.sub(r"<i>\1</i>", html)


def plain_text(text):
    """The mini-format's words without its marks, for a plain text field: "**x**" and "*x*" give x."""
    text = LINK.sub(r"\1", str(text or "").strip())
    return ITALIC.sub(r"\1", BOLD.sub(r"\1", text))


def rich_text(text):
    """Turn the mini-format into the HTML that Wagtail's rich text stores."""
    if not text:
        return ""
    if isinstance(text, list):
        return "<ul>" + "".join(f"<li>{inline(str(item))}</li>" for item in text) + "</ul>"
    html = []
    paragraph = []
    list_tag = None
    items = []

    def flush_paragraph():
        if paragraph:
            html.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def flush_list():
        nonlocal list_tag
        if list_tag:
            html.append(f"<{list_tag}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
            list_tag = None

    for line in str(text).splitlines():
        bullet, numbered = BULLET.match(line), NUMBERED.match(line)
        if bullet or numbered:
            flush_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and list_tag != tag:
                flush_list()
            list_tag = tag
            items.append((bullet or numbered).group(1))
        elif not line.strip():
            flush_paragraph()
            flush_list()
        elif list_tag and line.startswith("  "):
            items[-1] += " " + line.strip()
        else:
            flush_list()
            paragraph.append(line.strip())
    flush_paragraph()
    flush_list()
    return "".join(html)


def block_id(*parts):
    """A stable block id, so that a file loaded twice gives the same blocks and translations line up."""
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(part) for part in parts)))


def list_items(values, *id_parts):
    """ListBlock data with stable item ids (Wagtail's list format), so translations line up item by item."""
    return [
        {"type": "item", "value": value, "id": block_id(*id_parts, position)} for position, value in enumerate(values)
    ]


def stream_blocks(items, *id_parts):
    """StreamField data from (block type, value) pairs, with stable block ids like list_items'."""
    return [
        {"type": block_type, "id": block_id(*id_parts, position), "value": value}
        for position, (block_type, value) in enumerate(items)
    ]


def body_blocks(items, owner, resolve_page):
    """Turn a `body:` list of the content files into StreamField data for hub.blocks.BodyBlock.

    `resolve_page(reference)` returns a page id for "practice:slug", "term:slug"... or raises ContentError.
    """
    blocks = []
    for index, item in enumerate(items or []):
        if not isinstance(item, dict) or len(item) != 1:
            raise ContentError(f"{owner}: body item {index + 1} must be a mapping with exactly one key")
        kind, value = next(iter(item.items()))
        block = {"id": block_id(owner, index)}
        if kind == "heading":
            block.update(type="heading", value={"text": str(value), "level": "h2"})
        elif kind == "subheading":
            block.update(type="heading", value={"text": str(value), "level": "h3"})
        elif kind == "text":
            block.update(type="text", value=rich_text(value))
        elif kind == "findings":
            items = list_items([str(item) for item in value["items"]], owner, index)
            block.update(type="findings", value={"title": value["title"], "items": items})
        elif kind == "quote":
            block.update(type="quote", value={"text": value["text"], "source": value["source"]})
        elif kind == "links":
            links = []
            for link in value.get("items", []):
                reference = link["page"] if "page" in link else f"term:{link['term']}"
                page_id = resolve_page(reference)
                if page_id is not None:
                    links.append({"page": page_id, "label": link.get("label", "")})
            block.update(
                type="links", value={"title": value.get("title", ""), "links": list_items(links, owner, index)}
            )
        elif kind == "site_details":
            if value not in ("legal", "contact"):
                raise ContentError(f"{owner}: site_details is 'legal' or 'contact', not {value!r} (item {index + 1})")
            block.update(type="site_details", value={"kind": value})
        else:
            raise ContentError(f"{owner}: unknown body block {kind!r} (item {index + 1})")
        blocks.append(block)
    return blocks


def read_date(value, owner):
    """A date written YYYY-MM-DD (or read as a date by YAML); None when empty, ContentError when not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise ContentError(f"{owner}: {value!r} is not a date (YYYY-MM-DD)") from error


def require(mapping, keys, owner):
    missing = [key for key in keys if mapping.get(key) in (None, "")]
    if missing:
        raise ContentError(f"{owner}: missing {', '.join(missing)}")
