"""Plain text of pages and the word roots the search index uses. Knows no domain.

The roots are this module's own rather than a Snowball stemmer's (`snowballstemmer` on PyPI):
Snowball's French algorithm, which PostgreSQL's `french` configuration also runs, removes
inflections and keeps derived words apart ("médiateur" and "médiation" stay two stems), and
joining the words of one family is what these roots are for. They are indexed beside the text,
so every backend finds both the stem and the family.
"""

import re
from functools import lru_cache
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.folding import fold_text

WORD = re.compile(r"\w+")
# Derivational and inflectional endings, longest first, per language. French: "médiateurs" and
# "médiation" share the root "medi", "coopérer" and "coopération" the root "cooper"; PostgreSQL's
# French stemmer alone keeps "médiateur" and "médiat" apart. English: "practitioners" and
# "practitioner" share "practition", "assessments" and "assessment" "assess", "cooperation" and
# "cooperate" "cooper". Indexing roots beside the text joins a family on every search backend.
SUFFIXES = {
    "fr": """atrices atrice ateurs ateur ations ation atives ative atifs atif ements ement euses euse eurs eur
    ions ion ités ité istes iste ismes isme ives ive ifs if ables able ences ence ances ance antes ante
    ants ant ents ent ites ite ir ées ée és er ez es e s x""",
    "en": """isations isation izations ization ations ation atives ative ating ators ator ities ity iveness
    ments ment ness ings ing ives ive ists ist isms ism ables able ibles ible ences ence ances ance ants ant ents ent
    ors or ers er ates ate ated ies ied ly al ed es e s y""",
}
SUFFIXES = {code: sorted(set(endings.split()), key=len, reverse=True) for code, endings in SUFFIXES.items()}
MIN_ROOT = 4


@lru_cache(maxsize=65536)
def root(word, language_code="fr"):
    word = fold_text(word)
    for suffix in SUFFIXES.get(language_code, SUFFIXES["fr"]):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            return word[: -len(suffix)]
    return word


def roots(text, language_code="fr"):
    return " ".join(root(word, language_code) for word in WORD.findall(text) if not word.isdigit())


def page_text(page):
    """The readable text of a page: its title and every field it is searched by."""
    chunks = [page.title]
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name in ("title", "search_roots"):
            continue
        try:
            model_field = page._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue  # a method, like search_roots: not text written by an editor
        value = getattr(page, field.field_name, None)
        if value is None:
            continue
        if isinstance(model_field, StreamField):
            chunks.extend(str(item) for item in model_field.stream_block.get_searchable_content(value))
        elif isinstance(model_field, RichTextField):
            chunks.append(unescape(strip_tags(value)))
        else:
            chunks.append(str(value))
    return "\n".join(chunk for chunk in chunks if chunk)
