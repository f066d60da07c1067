"""A result's passage: the page's plain text around the query's words, the words marked."""

import re
from dataclasses import dataclass

from django.core.cache import cache

from wagtail.models import Page

from hub.text import fold_text, page_text, root

SNIPPET_LENGTH = 220
TEXT_CACHE_SECONDS = 24 * 3600
WORD = re.compile(r"\w+")


def published_texts(pages):
    """The plain text of each page, cached per published revision: reading a long StreamField is slow.

    `pages` may hold only RESULT_FIELDS: the pages whose text is not cached are fetched in full.
    """
    keys = {page.pk: f"search-text:{page.pk}:{page.live_revision_id}" for page in pages}
    cached = cache.get_many(keys.values())
    texts = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [page.pk for page in pages if page.pk not in texts]
    if missing:
        fetched = {page.pk: page_text(page) for page in Page.objects.filter(pk__in=missing).specific()}
        texts.update(fetched)
        cache.set_many({keys[pk]: text for pk, text in fetched.items()}, timeout=TEXT_CACHE_SECONDS)
    return texts


@dataclass(frozen=True)
class Passage:
    """A passage of plain text and the (start, end) offsets of the words that match the query."""

    text: str
    marks: tuple = ()

    def __bool__(self):
        return bool(self.text)

    def segments(self):
        """(text, marked) pieces in order, for a template to wrap the marked ones."""
        pieces, cursor = [], 0
        for start, end in self.marks:
            pieces.extend([(self.text[cursor:start], False), (self.text[start:end], True)])
            cursor = end
        pieces.append((self.text[cursor:], False))
        return [(text, marked) for text, marked in pieces if text]


def snippet(page, text, query, language_code):
    """A passage of the page's text around the first query word, with every query word marked."""
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith(page.title):
        text = text[len(page.title) :].strip()
    query_roots = [root(word, language_code) for word in query.split() if len(word) > 1]
    folded = fold_text(text)
    positions = [folded.find(item) for item in query_roots if folded.find(item) >= 0]
    start = max(0, min(positions) - 60) if positions else 0
    if start:
        start = text.rfind(" ", 0, start) + 1
    passage = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        passage = passage.rsplit(" ", 1)[0] + " …"
    if start:
        passage = "… " + passage
    return Passage(passage, matched_words(passage, query_roots))


def matched_words(passage, query_roots):
    """The offsets of the words of `passage` that start like one of `query_roots`, case and accents aside."""
    if not query_roots:
        return ()
    return tuple(
        word.span()
        for word in WORD.finditer(passage)
        if any(fold_text(word.group()).startswith(item) for item in query_roots)
    )
