from django import template
from django.utils.translation import get_language

from practices.models.case import CaseDocumentKind

register = template.Library()


@register.filter
def clock(minutes):
    """Minutes from the start of a module as a time of day in the reader's convention: "1 h 05" or "1:05"."""
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}:{rest:02d}" if (get_language() or "fr").startswith("en") else f"{hours} h {rest:02d}"


@register.filter
def routed_url(module, name):
    """The address of one of a module's own views (guide, handout, exports) in the module's language."""
    return module.routed_url(name)


@register.filter
def case_document_kind(kind):
    return dict(CaseDocumentKind.choices).get(kind, kind)
