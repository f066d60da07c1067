"""Linking glossary terms in rendered HTML, with a matcher built once per locale.

The matcher is rebuilt when a term is published, unpublished, moved or deleted: the signal
handlers in `glossary.signals` change a version number kept in Django's cache (Redis in
production, so every worker sees it), and each process rebuilds its matcher when the version
it built from is no longer current.
"""

import re
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape

from glossary.matcher import Matcher, is_acronym

VERSION_KEY = "glossary:terms-version"
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)((?:\s[^>]*)?)>", re.S)
CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# Where a term link would be wrong: inside another link or an abbreviation, in headings, labels and
# other interface text (buttons, form controls, navigation, a disclosure's summary, the label of a
# fact), in code, in what is already highlighted, and in asides (their facts and links repeat the
# page; the first occurrence to link is the one in the text).
NO_LINK_INSIDE = {
    "a", "abbr", "aside", "button", "code", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "kbd", "label", "legend", "mark", "nav", "option", "pre", "samp", "script", "select", "style", "summary",
    "svg", "textarea", "title",
}  # fmt: skip
# Elements of any name that hold labels rather than prose: theme chips and page kickers (fact labels are <dt>),
# citations (where a passage comes from; how to cite the page), which give titles as published, and a
# module's timeline, a list of step titles whose terms the sections below explain.
NO_LINK_CLASSES = {"tag", "tag-list", "page-header__kicker", "provenance", "cite-page", "timeline"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip
APOSTROPHE_ENTITIES = re.compile(r"&#x27;|&#39;|&apos;")


@dataclass(frozen=True)
class TermInfo:
    slug: str
    title: str
    expansion: str
    definition: str
    url: str
    page_id: int | None = None


def terms_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


class MatcherCache:
    """One matcher per language, built again when the terms version changes.

    `load_terms(language_code)` reads the published terms; `glossary.models` sets it, so that this
    module, which the models use, never imports them.
    """

    def __init__(self):
        self._matchers = {}
        self.load_terms = None

    def get(self, language_code):
        version = terms_version()
        cached = self._matchers.get(language_code)
        if cached is None or cached[0] != version:
            matcher = Matcher(self.load_terms(language_code))
            cached = (version, matcher)
            self._matchers[language_code] = cached
        return cached[1]


matchers = MatcherCache()


def term_link(match):
    info = match.term.payload
    inner = match.text
    if info.expansion and is_acronym(match.text):
        inner = f'<abbr title="{escape(info.expansion)}">{inner}</abbr>'
    return f'<a class="term-link" href="{escape(info.url)}" data-definition="{escape(info.definition)}">{inner}</a>'


def link_terms(html, matcher, exclude=()):
    """Link the first occurrence of each term in `html`, in its text only, outside the `NO_LINK_*` elements."""
    if not matcher:
        return html
    linked = set(exclude)
    # The open elements, each with whether it forbids links inside. An end tag closes the latest
    # element of its name and whatever was left open inside it (an <li> without </li>); an end tag
    # that closes nothing is ignored, as a browser would.
    open_elements = []
    parts = []
    position = 0

    def blocked():
        return any(blocking for _name, blocking in open_elements)

    def close(name):
        for depth in range(len(open_elements) - 1, -1, -1):
            if open_elements[depth][0] == name:
                del open_elements[depth:]
                return

    def text(chunk):
        if not chunk.strip() or blocked():
            return chunk
        chunk = APOSTROPHE_ENTITIES.sub("'", chunk)
        pieces, cursor = [], 0
        for match in matcher.find(chunk):
            if match.term.key in linked:
                continue
            linked.add(match.term.key)
            pieces.append(chunk[cursor : match.start])
            pieces.append(term_link(match))
            cursor = match.end
        if not pieces:
            return chunk
        pieces.append(chunk[cursor:])
        return "".join(pieces)

    for tag in TAG.finditer(html):
        parts.append(text(html[position : tag.start()]))
        parts.append(tag.group())
        position = tag.end()
        name = (tag.group(2) or "").lower()
        if not name or name in VOID_ELEMENTS or tag.group().endswith("/>"):
            continue
        if tag.group(1):
            close(name)
        else:
            open_elements.append((name, name in NO_LINK_INSIDE or excluded_class(tag.group(3))))
    parts.append(text(html[position:]))
    return "".join(parts)


def excluded_class(attributes):
    found = CLASS_ATTRIBUTE.search(attributes or "")
    if not found:
        return False
    classes = next(value for value in found.groups() if value is not None)
    return not NO_LINK_CLASSES.isdisjoint(classes.split())


def find_terms(text, language_code):
    """Every recognised term of a plain text, in text order (repeats included), for the decoder."""
    return matchers.get(language_code).find(text)
