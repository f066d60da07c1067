"""Turning what a reader typed into a search: normalised words, roots and glossary expansions."""

import re
from functools import lru_cache

from wagtail.search.query import PlainText

from glossary.linker import matchers
from hub.text import fold_text, root, roots

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+")


def normalize(raw):
    """Only the words of the query: quotes, operators, markup and control characters are dropped."""
    if not isinstance(raw, str):
        return ""
    words = WORD.findall(raw[: MAX_QUERY_LENGTH * 5])
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def glossary_expansions(query, language_code):
    """For each glossary term in the query, its other names: "PRE" gives "programme de réussite éducative"."""
    forms = []
    for match in matchers.get(language_code).find(query):
        info = match.term.payload
        for form in (info.title, info.expansion):
            if form and fold_text(form) != fold_text(match.text) and form not in forms:
                forms.append(form)
    return forms


def build_query(query, language_code):
    """The words, or their roots, or a glossary name of one of them: "PRE" also finds its expansion.

    Each alternative needs all its words, in any order: a phrase would be more precise, but on
    PostgreSQL it is checked against every candidate's stored vector (150 ms for a common one at
    20,000 documents), where a set of words is answered by the index alone.
    """
    alternatives = [PlainText(query, operator="and")]
    query_roots = roots(query, language_code)
    if query_roots and query_roots != fold_text(query):
        alternatives.append(PlainText(query_roots, operator="and"))
    for form in glossary_expansions(query, language_code):
        alternatives.append(PlainText(form, operator="and"))
    combined = alternatives[0]
    for alternative in alternatives[1:]:
        combined = combined | alternative
    return combined


@lru_cache(maxsize=65536)
def words_of(text):
    """Lower-case, accent-free words joined by single spaces: "SG-CIPDR" and "sg cipdr" compare equal."""
    return " ".join(re.findall(r"\w+", fold_text(text)))


@lru_cache(maxsize=65536)
def roots_of(words, language_code):
    return tuple(root(word, language_code) for word in words.split())
