"""One glossary term as files carry it: the content files, the import and the export share this schema.

`TermRecord` validates a record (a YAML item, a CSV row, a JSON object) with the model's own limits;
`page_values` turns a cleaned record into the page's fields, `record_of` a page back into a record.
Lists (domains, variants, related) are lists, or text joined with "|" as CSV writes them.
"""

import re

from django import forms

from glossary.models import GlossaryTermPage
from glossary.vocabulary import TermKind
from hub.provenance import Provenance
from hub.rich_text import clean_rich_text

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRUE, FALSE = {"true", "1", "yes", "oui"}, {"false", "0", "no", "non", ""}
LIST_FIELDS = ("domains", "variants", "related")
# Record field -> page field, for the fields that are the page's own text.
PAGE_FIELDS = {
    "term": "title",
    "expansion": "expansion",
    "kind": "kind",
    "definition": "definition",
    "explanation": "explanation",
    "source": "source",
    "explanation_provenance": "explanation_provenance",
}


def max_length(name):
    return GlossaryTermPage._meta.get_field(name).max_length


# Messages are predicates: `problems()` puts the field's name in front, as the APIs do (hub.validation).
MESSAGES = {"required": "is required", "max_length": "is longer than %(limit_value)d characters"}


class TextField(forms.CharField):
    """Text, never a number or a list; surrounding spaces dropped."""

    default_error_messages = MESSAGES

    def to_python(self, value):
        if value is not None and not isinstance(value, str):
            raise forms.ValidationError("must be text", code="invalid")
        return super().to_python(value)


class OneOfField(TextField):
    """Text that must be one of `choices`; `default` stands in for an empty value when the field is optional."""

    def __init__(self, choices, default=None, **kwargs):
        super().__init__(**kwargs)
        self.choices, self.default = list(choices), default

    def clean(self, value):
        value = super().clean(value) or self.default
        if value not in self.choices:
            raise forms.ValidationError(f"must be one of {', '.join(self.choices)}, not {value!r}", code="invalid")
        return value


class ListField(forms.Field):
    default_error_messages = MESSAGES

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, list):
            return [str(item).strip() for item in value if str(item).strip()]
        if isinstance(value, str):
            return [item.strip() for item in value.split("|") if item.strip()]
        raise forms.ValidationError("must be a list", code="invalid")


class YesNoField(forms.Field):
    default_error_messages = MESSAGES

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        text = str(value or "").strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise forms.ValidationError(f"must be true or false, not {value!r}", code="invalid")


class TermRecord(forms.Form):
    slug = TextField(max_length=max_length("slug"))
    term = TextField(max_length=max_length("title"))
    expansion = TextField(max_length=max_length("expansion"), required=False)
    kind = OneOfField(TermKind.values)
    domains = ListField(required=False)
    definition = TextField(max_length=max_length("definition"))
    explanation = TextField(required=False)
    variants = ListField(required=False)
    related = ListField(required=False)
    source = TextField(max_length=max_length("source"), required=False)
    uncertain = YesNoField(required=False)
    in_seed = YesNoField(required=False)
    # Last, so that files written before it existed keep their columns' order.
    explanation_provenance = OneOfField(Provenance.values, default=Provenance.EDITORIAL, required=False)

    def __init__(self, data, domains):
        """`data`: the record as read; `domains`: the slugs of the glossary's domains."""
        super().__init__(data={name: data.get(name) for name in self.base_fields})
        self.known_domains = set(domains)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not SLUG.match(slug):
            raise forms.ValidationError(f"must be lower-case letters, digits and hyphens, not {slug!r}")
        return slug

    def clean_domains(self):
        unknown = [slug for slug in self.cleaned_data["domains"] if slug not in self.known_domains]
        if unknown:
            raise forms.ValidationError(f"names unknown domain(s): {', '.join(unknown)}")
        return self.cleaned_data["domains"]

    def clean_explanation(self):
        return clean_rich_text(self.cleaned_data["explanation"])

    def problems(self):
        """The errors as one line: "definition is required; kind must be one of ..."."""
        return "; ".join(f"{name} {message}" for name, messages in self.errors.items() for message in messages)


def read_record(data, domains):
    """The cleaned record, or ValueError naming every problem."""
    if not isinstance(data, dict):
        raise ValueError("each term must be an object with the export's columns")
    form = TermRecord(data, domains)
    if not form.is_valid():
        raise ValueError(form.problems())
    return form.cleaned_data


def page_values(record):
    """The page's own fields from a cleaned record (relations apart: domains and related terms)."""
    values = {page_field: record[name] for name, page_field in PAGE_FIELDS.items()}
    values["variants"] = "\n".join(record["variants"])
    values["uncertain"] = record["uncertain"]
    values["in_seed"] = record["in_seed"]
    return values


def record_of(term):
    """A page as a record, in the schema's order: what the export writes and what an import compares with."""
    record = {name: getattr(term, page_field) for name, page_field in PAGE_FIELDS.items()}
    record |= {
        "slug": term.slug,
        "domains": sorted(domain.slug for domain in term.domains.all()),
        "variants": term.variant_list(),
        "related": sorted(related.slug for related in term.related_terms.all()),
        "uncertain": term.uncertain,
        "in_seed": term.in_seed,
    }
    return {name: record[name] for name in TermRecord.base_fields}
