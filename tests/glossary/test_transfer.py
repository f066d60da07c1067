"""Import and export of the glossary: validation with line numbers, all or nothing, round trip."""

import csv
import io
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command

from wagtail.models import PageLogEntry, Revision

import pytest

from glossary.content_loader import read_terms
from glossary.models import GlossaryTermPage
from glossary.transfer import ImportRejected, export_glossary, import_glossary
from hub.content_io import ContentError

pytestmark = pytest.mark.django_db


def test_export_then_import_round_trips_without_change():
    revisions = Revision.objects.count()
    for file_format in ("csv", "json"):
        result = import_glossary(export_glossary(file_format), file_format)
        assert result.created == [] and result.updated == []
        assert result.unchanged >= 150
    assert Revision.objects.count() == revisions
    assert export_glossary("json") == export_glossary("json")


def test_import_applies_changes_and_new_terms(french):
    records = json.loads(export_glossary("json"))
    pre = next(record for record in records if record["slug"] == "pre")
    pre["definition"] = "Une définition revue."
    records.append({**pre, "slug": "nouveau-terme", "term": "NOUVEAU", "related": ["pre"]})
    result = import_glossary(json.dumps(records), "json")
    assert result.updated == ["pre"]
    assert result.created == ["nouveau-terme"]
    assert GlossaryTermPage.objects.get(slug="pre", locale=french).definition == "Une définition revue."
    new = GlossaryTermPage.objects.get(slug="nouveau-terme", locale=french)
    assert new.live
    assert list(new.related_terms.values_list("slug", flat=True)) == ["pre"]
    assert PageLogEntry.objects.filter(action="wagtail.publish", page=new).exists()


def test_a_bad_row_rejects_the_whole_file_with_line_numbers(french):
    before = export_glossary("csv")
    rows = list(csv.DictReader(io.StringIO(before)))
    header = list(rows[0])
    edited = {**rows[0], "definition": "Une définition modifiée dans le fichier."}
    good = io.StringIO()
    csv.DictWriter(good, header, lineterminator="\n").writerow(edited)
    broken = "\n".join(
        [
            ",".join(header),
            good.getvalue().strip(),  # line 2: valid, and a real change
            "mauvais slug,X,,acronyme,,Une définition.,,,,,false",  # line 3: bad slug
            "sans-terme,,,acronyme,,Une définition.,,,,,false",  # line 4: no term
            "autre,AUTRE,,nature-inconnue,,Une définition.,,,,,false",  # line 5: unknown kind
            "dernier,DERNIER,,acronyme,domaine-inconnu,Une définition.,,,,,false",  # line 6: unknown domain
            "ultime,ULTIME,,acronyme,,Une définition.,,,,,peut-être",  # line 7: not a yes or no
        ]
    )
    with pytest.raises(ImportRejected) as rejected:
        import_glossary(broken, "csv")
    errors = dict(rejected.value.errors)
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "slug" in errors[3]
    assert "term is required" in errors[4]
    assert "kind" in errors[5]
    assert "domain" in errors[6]
    assert "uncertain" in errors[7]
    assert export_glossary("csv") == before  # line 2's change was not applied either


def test_unknown_related_terms_and_duplicates_are_reported():
    records = json.loads(export_glossary("json"))[:2]
    records[0]["related"] = ["n-existe-pas"]
    records.append(dict(records[1]))
    with pytest.raises(ImportRejected) as rejected:
        import_glossary(json.dumps(records, indent=2), "json")
    messages = " ".join(message for _line, message in rejected.value.errors)
    assert "n-existe-pas" in messages
    assert "already appears" in messages


def test_unreadable_files_are_rejected_clearly():
    with pytest.raises(ImportRejected, match="not valid JSON"):
        import_glossary('[{"slug": ', "json")
    with pytest.raises(ImportRejected, match="missing column"):
        import_glossary("a,b\n1,2\n", "csv")


def test_commands_export_and_import(tmp_path):
    path = tmp_path / "glossaire.csv"
    call_command("export_glossary", "--format", "csv", "--output", str(path))
    call_command("import_glossary", str(path))
    bad = tmp_path / "bad.csv"
    bad.write_text("slug,term,kind,definition\nx y,,acronyme,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_glossary", str(bad))


def test_admin_import_needs_the_permission_and_logs_the_import(client, french):
    user = get_user_model().objects.create_user("redaction", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get("/admin/glossary/import/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
    user.user_permissions.add(Permission.objects.get(codename="import_glossary"))
    client.force_login(get_user_model().objects.get(pk=user.pk))
    assert client.get("/admin/glossary/import/").status_code == 200
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("glossaire.json", export_glossary("json").encode("utf-8"))
    response = client.post("/admin/glossary/import/", {"file": upload})
    assert response.status_code == 302
    assert PageLogEntry.objects.filter(action="glossary.import", user=user).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"definition": "x" * 601}, "definition is longer than 600 characters"),
        ({"kind": "nature-inconnue"}, "kind must be one of"),
        ({"domains": ["domaine-inconnu"]}, "domains names unknown domain(s): domaine-inconnu"),
        ({"term": ""}, "term is required"),
    ],
)
def test_the_content_files_and_the_import_refuse_a_term_for_the_same_reason(tmp_path, change, message):
    term = {"slug": "essai", "term": "ESSAI", "kind": "acronyme", "definition": "Une définition.", **change}
    (tmp_path / "terms-essai.yaml").write_text(json.dumps([term], ensure_ascii=False))  # JSON is YAML
    with pytest.raises(ContentError, match=re.escape(f"terms-essai.yaml item 1: {message}")):
        read_terms(directory=tmp_path)
    with pytest.raises(ImportRejected) as rejected:
        import_glossary(json.dumps([term]), "json")
    assert message in rejected.value.errors[0][1]
