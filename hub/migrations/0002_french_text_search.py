"""PostgreSQL only: text search configurations that ignore accents, and trigrams.

`cooperer_french` = the `french` configuration (French stop words and Snowball stemmer) with
`unaccent` applied first, so "mediation" and "médiation" index and query alike. pg_trgm serves
the "did you mean" suggestions; `cooperer_simple` (simple + unaccent) serves autocomplete.
On other databases this migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cooperer_french') THEN
        CREATE TEXT SEARCH CONFIGURATION cooperer_french (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION cooperer_french
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cooperer_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION cooperer_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION cooperer_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS cooperer_french; DROP TEXT SEARCH CONFIGURATION IF EXISTS cooperer_simple;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("hub", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
