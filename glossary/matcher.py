"""Finding glossary terms in text: whole words, longest match first, acronyms case-sensitive.

Pure Python, no Django (`hub.folding` neither): the matcher is built once per locale from the published terms and then
only does dictionary look-ups, one per word of the text for words that start no term.

Rules:
- a term matches whole words only ("PRE" never matches inside "PRESSE");
- an acronym (a form written in capitals, like "PRE" or "SG-CIPDR") matches with its exact case,
  so "pré" or "Pre" are not "PRE";
- any other form ignores case and accents, hyphens and apostrophes count as word breaks
  ("aller-vers" = "aller vers"), and a final French plural s or x is ignored;
- where two terms overlap, the longest wins ("Cité éducative" over "Cité").
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from hub.folding import fold_text

WORD = re.compile(r"&#?\w+;|\w+")
TOKEN = re.compile(r"\w+")
ENTITY = re.compile(r"&#?\w+;")
# A form that starts with an article ("l'aller-vers", "la libre adhésion") would drag the article
# into the link; the form without it matches the same places.
ARTICLES = {"l", "la", "le", "les", "un", "une", "des", "du", "d"}


@lru_cache(maxsize=65536)
def fold(word):
    """The case-, accent- and plural-insensitive form of one word."""
    word = word.casefold() if word.isascii() else fold_text(word)
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return word


def is_acronym(form):
    letters = [char for char in form if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def words(text):
    return [match.group() for match in WORD.finditer(text) if not match.group().startswith("&")]


@dataclass(frozen=True)
class Term:
    key: str  # what identifies the term (its slug)
    forms: tuple  # the term, its variants and its expansion, as written
    payload: object = None  # whatever the caller wants back (URL, definition...)


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    end: int
    text: str


class Matcher:
    def __init__(self, terms):
        # first word -> [(number of words, {words: term}), ...], longest first
        exact, folded = {}, {}
        for term in terms:
            for form in term.forms:
                tokens = words(form)
                if not tokens or (len(tokens) > 1 and tokens[0].casefold() in ARTICLES):
                    continue
                if is_acronym(form):
                    key, table = tuple(tokens), exact
                else:
                    key, table = tuple(fold(token) for token in tokens), folded
                table.setdefault(key[0], {}).setdefault(len(key), {}).setdefault(key, term)
        self.exact = {first: sorted(by_length.items(), reverse=True) for first, by_length in exact.items()}
        self.folded = {first: sorted(by_length.items(), reverse=True) for first, by_length in folded.items()}

    def __bool__(self):
        return bool(self.exact or self.folded)

    def find(self, text):
        """Every match in text order; the longest form wins at each place, matches never overlap."""
        scanned = ENTITY.sub(lambda entity: " " * len(entity.group()), text) if "&" in text else text
        strings = TOKEN.findall(scanned)
        folded = list(map(fold, strings))
        exact, folded_firsts = self.exact, self.folded
        starts = [
            index
            for index, (string, key) in enumerate(zip(strings, folded, strict=True))
            if key in folded_firsts or string in exact
        ]
        if not starts:
            return []
        spans = [token.span() for token in TOKEN.finditer(scanned)]
        matches, count, resume = [], len(strings), 0
        for position in starts:
            if position < resume:
                continue
            best = self._longest(exact.get(strings[position]), strings, position, count)
            found = self._longest(folded_firsts.get(folded[position]), folded, position, count)
            if found and (best is None or found[1] > best[1]):
                best = found
            if best is not None and self._contiguous(text, spans, position, best[1]):
                term, length = best
                start, end = spans[position][0], spans[position + length - 1][1]
                matches.append(Match(term, start, end, text[start:end]))
                resume = position + length
        return matches

    @staticmethod
    def _longest(candidates, keys, position, count):
        if not candidates:
            return None
        for length, table in candidates:
            if position + length <= count:
                term = table.get(tuple(keys[position : position + length]))
                if term is not None:
                    return term, length
        return None

    @staticmethod
    def _contiguous(text, spans, position, length):
        """Words of one form are separated only by spaces, hyphens or apostrophes, never by punctuation."""
        for index in range(position, position + length - 1):
            gap = text[spans[index][1] : spans[index + 1][0]]
            if gap.strip(" \t\n\r\u00a0\u202f-'’\u2011"):
                return False
        return True
