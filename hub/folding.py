"""The site's one rule for comparing words without case or accents ("Médiation" = "mediation").

Search, the glossary's listing and its matcher all fold with it. No Django here: the matcher that
imports it stays pure Python.
"""

import unicodedata


def strip_accents(text):
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


def fold_text(text):
    return strip_accents(text).casefold()
