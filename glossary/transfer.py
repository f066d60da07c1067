"""Export and import of the glossary (CSV or JSON): validate every row first, then apply all or none.

The columns are the glossary's record schema (`glossary.term_record`, shared with the content
files): slug, term, expansion, kind, domains, definition, explanation, variants, related, source,
uncertain, in_seed (the synthesis uses the term), explanation_provenance (synthese or redaction).
Lists (domains, variants, related) are joined with " | " in CSV and are JSON arrays in JSON;
`explanation` is the rich text's HTML, cleaned to what the editor's field allows. Importing the
file that an export produced changes nothing, and importing never unpublishes or republishes a term.

Why not django-import-export: its resources save model instances, where a term is a Wagtail page
that is added under the glossary, revised and published (or left withdrawn) with a log entry, and
its errors name the row of the dataset where an editor needs the line of the file (a JSON item's
line, `item_lines`). The reading and validation it would take over are the schema's form and
about forty lines here.
"""

import csv
import io
import json
from dataclasses import dataclass, field

from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import Locale

from glossary.models import GlossaryDomain, GlossaryIndexPage, GlossaryTermPage
from glossary.term_record import LIST_FIELDS, TermRecord, page_values, read_record, record_of

COLUMNS = list(TermRecord.base_fields)
SEPARATOR = " | "
IMPORT_ACTION = "glossary.import"


class ImportRejected(Exception):
    """The file has errors; `errors` lists each as (line, message). Nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(f"line {line}: {message}" for line, message in errors))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0

    def summary(self):
        return f"{len(self.created)} created, {len(self.updated)} updated, {self.unchanged} unchanged"


def source_index(language_code="fr"):
    index = GlossaryIndexPage.objects.filter(locale__language_code=language_code).first()
    if index is None:
        raise ImportRejected([(0, f"there is no glossary page in locale {language_code!r}")])
    return index


# Export ----------------------------------------------------------------------------------
def export_records(language_code="fr"):
    index = source_index(language_code)
    terms = index.terms().prefetch_related("domains", "related_terms").order_by("slug")
    return [record_of(term) for term in terms]


def export_glossary(file_format="csv", language_code="fr"):
    records = export_records(language_code)
    if file_format == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = dict(record)
        for column in LIST_FIELDS:
            row[column] = SEPARATOR.join(record[column])
        row["uncertain"] = "true" if record["uncertain"] else "false"
        row["in_seed"] = "true" if record["in_seed"] else "false"
        writer.writerow(row)
    return output.getvalue()


# Import ----------------------------------------------------------------------------------
def read_rows(content, file_format):
    """[(line number, raw row)], or ImportRejected when the file cannot be read at all."""
    if file_format == "json":
        try:
            data = json.loads(content)
        except json.JSONDecodeError as error:
            raise ImportRejected([(error.lineno, f"not valid JSON ({error.msg})")]) from error
        if not isinstance(data, list):
            raise ImportRejected([(1, "a JSON import must be a list of terms")])
        lines = item_lines(content, len(data))
        return [(lines[position], item) for position, item in enumerate(data)]
    reader = csv.DictReader(io.StringIO(content))
    missing = [column for column in ("slug", "term", "kind", "definition") if column not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([(1, f"missing column(s): {', '.join(missing)}")])
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise ImportRejected([(reader.line_num, f"not valid CSV ({error})")]) from error
    return rows


def item_lines(content, count):
    """The line on which each item of a JSON list starts, to report errors where people look."""
    lines, depth, line, in_string, escaped = [], 0, 1, False, False
    for char in content:
        if char == "\n":
            line += 1
        if in_string:
            escaped = char == "\\" and not escaped
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth == 2 and char == "{":
                lines.append(line)
        elif char in "]}":
            depth -= 1
    lines += [line] * (count - len(lines))
    return lines


def validate(rows, index):
    domains = {domain.slug: domain for domain in GlossaryDomain.objects.filter(locale=index.locale)}
    existing = set(GlossaryTermPage.objects.child_of(index).values_list("slug", flat=True))
    clean, errors, seen = [], [], {}
    for line, raw in rows:
        try:
            row = read_record(raw, domains)
        except ValueError as error:
            errors.append((line, str(error)))
            continue
        if row["slug"] in seen:
            errors.append((line, f"slug {row['slug']!r} already appears on line {seen[row['slug']]}"))
            continue
        seen[row["slug"]] = line
        clean.append((line, row))
    known = existing | set(seen)
    for line, row in clean:
        unknown = [slug for slug in row["related"] if slug not in known]
        if unknown:
            errors.append((line, f"unknown related term(s): {', '.join(unknown)}"))
    return clean, domains, sorted(errors)


@transaction.atomic
def import_glossary(content, file_format="csv", user=None, language_code="fr"):
    """Validate every row, then create or update the terms; raise ImportRejected and write nothing on error."""
    index = source_index(language_code)
    if not GlossaryIndexPage.objects.filter(pk=index.pk, locale=Locale.get_default()).exists():
        raise ImportRejected([(0, "terms are imported into the source-language glossary only")])
    clean, domains, errors = validate(read_rows(content, file_format), index)
    if errors:
        raise ImportRejected(errors)
    result = ImportResult()
    terms = {
        term.slug: term
        for term in GlossaryTermPage.objects.child_of(index).prefetch_related("domains", "related_terms")
    }
    changed = []
    for _line, row in clean:
        term = terms.get(row["slug"])
        wanted = {**row, "related": sorted(row["related"]), "domains": sorted(row["domains"])}
        if term is not None and record_of(term) == wanted:
            result.unchanged += 1
            continue
        if term is None:
            term = GlossaryTermPage(
                slug=row["slug"], title=row["term"], definition=row["definition"], locale=index.locale
            )
            index.add_child(instance=term)
            terms[row["slug"]] = term
            result.created.append(row["slug"])
        else:
            result.updated.append(row["slug"])
        changed.append((term, row))
    for term, row in changed:
        for name, value in page_values(row).items():
            setattr(term, name, value)
        term.domains = [domains[slug] for slug in row["domains"]]
        term.related_terms = [terms[slug] for slug in row["related"] if slug in terms]
        revision = term.save_revision(user=user, log_action=True)
        # A new term is published; an existing one keeps its state: a withdrawn term gets a draft.
        if term.live or term.slug in result.created:
            revision.publish(user=user)
    log(index, IMPORT_ACTION, user=user, data={"summary": result.summary()})
    return result
