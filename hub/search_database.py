"""Wagtail's database search backend, with accent-insensitive autocomplete on PostgreSQL.

The PostgreSQL backend always autocompletes with the `simple` configuration, where "medi" does
not find "médiation". `AUTOCOMPLETE_SEARCH_CONFIG` names another configuration (`cooperer_simple`,
created by migration hub.0002: `simple` with `unaccent`). Everything else is Wagtail's.
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    params = dict(params)
    autocomplete_config = params.pop("AUTOCOMPLETE_SEARCH_CONFIG", None)
    backend = database_backend(params)
    if autocomplete_config and connection.vendor == "postgresql":
        backend.autocomplete_config = autocomplete_config
    return backend
