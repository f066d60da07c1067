"""The views that the glossary index page routes to: the decoder and the flashcards.

They are handed the index page and read through it; `glossary.models` imports them, so they import
no model.
"""

import random

from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from glossary.linker import find_terms
from hub.facets import MAX_PARAM_LENGTH
from hub.validation import folded_length, is_clean_text, strip_forbidden_characters

MAX_DECODE_LENGTH = 100_000


def decode(text, language_code):
    """The recognised terms of `text`, in text order, with what the API and the decoder page show."""
    return [
        {
            "term": match.term.payload.title,
            "expansion": match.term.payload.expansion,
            "definition": match.term.payload.definition,
            "url": match.term.payload.url,
            "start": match.start,
            "end": match.end,
            "match": match.text,
            "slug": match.term.key,
        }
        for match in find_terms(text, language_code)
    ]


def highlighted(text, found):
    pieces, cursor = [], 0
    for item in found:
        pieces.append(escape(text[cursor : item["start"]]))
        title = f' title="{escape(item["expansion"])}"' if item["expansion"] else ""
        pieces.append(f'<mark><a href="{escape(item["url"])}#definition"{title}>{escape(item["match"])}</a></mark>')
        cursor = item["end"]
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces).replace("\n", "<br>\n"))  # noqa: S308 - every piece is escaped


def decoder(request, index):
    context = {"page": index, "text": "", "error": "", "found": None}
    if request.method == "POST":
        # Control characters (a NUL pasted from a PDF...) are dropped; tabs and line breaks stay.
        text = strip_forbidden_characters(request.POST.get("text", ""), multiline=True)
        context["text"] = text
        if folded_length(text) > MAX_DECODE_LENGTH:
            context["error"] = _("Ce texte est trop long : le décodeur accepte au plus %(max)s caractères.") % {
                "max": f"{MAX_DECODE_LENGTH:,}".replace(",", "\u202f")
            }
        elif not text.strip():
            context["error"] = _("Collez un texte à décoder.")
        else:
            found = decode(text, index.locale.language_code)
            unique = {}
            for item in found:
                unique.setdefault(item["slug"], item)
            context.update(found=list(unique.values()), highlighted=highlighted(text, found))
    status = 413 if context["error"] and folded_length(context["text"]) > MAX_DECODE_LENGTH else 200
    return TemplateResponse(request, "glossary/decoder.html", context, status=status)


def flashcards(request, index):
    terms = list(index.terms().values_list("pk", flat=True))
    term = None
    requested = request.GET.get("terme") or request.GET.get("term")
    if is_clean_text(requested, MAX_PARAM_LENGTH):  # otherwise no such term: a random one
        term = index.terms().filter(slug=requested).first()
    if term is None and terms:
        term = index.terms().get(pk=random.choice(terms))  # noqa: S311 - not security-related
    return TemplateResponse(request, "glossary/flashcards.html", {"page": index, "term": term, "count": len(terms)})
