"""Wagtail's database search backend, with Coopérer's tuning for PostgreSQL and SQLite.

- PostgreSQL (`hub.search.postgres_backend`): accent-insensitive autocomplete, where Wagtail uses
  the `simple` configuration and "medi" does not find "médiation": `AUTOCOMPLETE_SEARCH_CONFIG`
  names `cooperer_simple` (migration hub.0002: `simple` with `unaccent`); and ranking that stays
  fast at 20,000 documents (`RANK_WINDOW`).
- SQLite with FTS5 (`hub.search.sqlite_backend`): results scored in one pass.
Each vendor's module is imported only on that vendor: Wagtail defines their models per database.
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    params = dict(params)
    autocomplete_config = params.pop("AUTOCOMPLETE_SEARCH_CONFIG", None)
    rank_window = params.pop("RANK_WINDOW", None)
    backend = database_backend(params)
    if connection.vendor == "postgresql":
        from hub.search import postgres_backend

        if autocomplete_config:
            backend.autocomplete_config = autocomplete_config
        backend.query_compiler_class = postgres_backend.PostgresSearchQueryCompiler
        if rank_window is not None:
            backend.rank_window = rank_window
        backend.results_class = postgres_backend.PostgresSearchResults
    elif connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # FTS5 is available
            from hub.search import sqlite_backend

            backend.query_compiler_class = sqlite_backend.SQLiteSearchQueryCompiler
    return backend
