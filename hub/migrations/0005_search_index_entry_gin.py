"""PostgreSQL only: a GIN index on the text that Wagtail's database backend actually matches.

The backend filters with `(title || body) @@ query`; the separate indexes on `title` and `body`
cannot serve that expression, so every search scanned the whole index table (about 190 ms at
20,000 documents). An expression index on `title || body` lets PostgreSQL use it (about 7 ms).
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS cooperer_indexentry_title_body "
    "ON wagtailsearch_indexentry USING GIN ((title || body))"
)
DROP = "DROP INDEX IF EXISTS cooperer_indexentry_title_body"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("hub", "0004_editorial_groups_and_workflow"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
