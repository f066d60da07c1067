"""PostgreSQL only: `cooperer_english`, the `english` configuration with `unaccent` applied first.

English pages are indexed and searched with it (English stop words and Snowball stemmer), French
pages with `cooperer_french` (migration 0002). On other databases this migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cooperer_english') THEN
        CREATE TEXT SEARCH CONFIGURATION cooperer_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION cooperer_english
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS cooperer_english;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("hub", "0011_mirror_view_restrictions")]

    operations = [migrations.RunPython(create, drop)]
