"""The glossary's views that are not pages: the decoder, the flashcards and the JSON API."""

import json
import random

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Locale

from glossary.linker import find_terms
from glossary.listing import folded_words, initial, search_text
from glossary.models import GlossaryIndexPage, GlossaryTermPage, TermKind

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
        text = request.POST.get("text", "")
        context["text"] = text
        if len(text) > MAX_DECODE_LENGTH:
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
    status = 413 if context["error"] and len(context["text"]) > MAX_DECODE_LENGTH else 200
    return TemplateResponse(request, "glossary/decoder.html", context, status=status)


def flashcards(request, index):
    terms = list(index.terms().values_list("pk", flat=True))
    term = None
    requested = request.GET.get("terme") or request.GET.get("term")
    if requested:
        term = index.terms().filter(slug=str(requested)[:100]).first()
    if term is None and terms:
        term = GlossaryTermPage.objects.get(pk=random.choice(terms))  # noqa: S311 - not security-related
    return TemplateResponse(request, "glossary/flashcards.html", {"page": index, "term": term, "count": len(terms)})


def json_error(message, status):
    return JsonResponse({"error": message}, status=status)


def locale_from(value):
    code = value or "fr"
    if not isinstance(code, str) or not Locale.objects.filter(language_code=code).exists():
        return None
    return code


@csrf_exempt
@require_POST
def decode_api(request):
    """POST {"text": "...", "locale": "fr"} -> {"terms": [{term, expansion, definition, url, start, end, match}]}."""
    if len(request.body) > MAX_DECODE_LENGTH * 4 + 1000:
        return json_error(f"text is longer than {MAX_DECODE_LENGTH} characters", 413)
    try:
        payload = json.loads(request.body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return json_error('the request body must be JSON: {"text": "...", "locale": "fr"}', 400)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        return json_error('"text" is required and must be a string', 400)
    text = payload["text"]
    if len(text) > MAX_DECODE_LENGTH:
        return json_error(f"text is longer than {MAX_DECODE_LENGTH} characters", 413)
    language_code = locale_from(payload.get("locale"))
    if language_code is None:
        return json_error('unknown locale: use "fr" or "en"', 400)
    terms = [{key: value for key, value in item.items() if key != "slug"} for item in decode(text, language_code)]
    return JsonResponse({"terms": terms})


@require_GET
def terms_api(request):
    """GET ?locale=fr[&q=&letter=&domain=&kind=] -> {"count": N, "terms": [...]}, published terms only."""
    language_code = locale_from(request.GET.get("locale"))
    if language_code is None:
        return json_error('unknown locale: use "fr" or "en"', 400)
    index = GlossaryIndexPage.objects.live().filter(locale__language_code=language_code).first()
    if index is None:
        return JsonResponse({"count": 0, "terms": []})
    terms = index.terms().prefetch_related("domains").order_by("title")
    kind = request.GET.get("kind", "")
    if kind:
        if kind not in TermKind.values:
            return json_error(f"unknown kind: use one of {', '.join(TermKind.values)}", 400)
        terms = terms.filter(kind=kind)
    domain = request.GET.get("domain", "")
    if domain:
        terms = terms.filter(domains__slug=domain[:80])
    letter = request.GET.get("letter", "").upper()[:1]
    query = folded_words(request.GET.get("q", "")[:200])
    base_url = index.get_url(request)
    results = []
    for term in terms:
        if letter and initial(term.title) != letter:
            continue
        if query and query not in search_text(term):
            continue
        results.append(
            {
                "term": term.title,
                "slug": term.slug,
                "expansion": term.expansion,
                "kind": term.kind,
                "domains": [domain.slug for domain in term.domains.all()],
                "definition": term.definition,
                "source": term.source,
                "uncertain": term.uncertain,
                "url": request.build_absolute_uri(f"{base_url}{term.slug}/"),
            }
        )
    response = JsonResponse({"count": len(results), "terms": results}, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
