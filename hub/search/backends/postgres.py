"""modelsearch's PostgreSQL search backend, tuned for large sites.

Measured with 20,000 extra documents, where a common word matches nine pages in ten:
- A query with alternatives (the words, their roots, glossary expansions) is ranked once per
  vector against the whole query, not once per alternative: half the `ts_rank` calls.
- A slice of results (`[:n]`, as every listing asks) ranks the body of only the `RANK_WINDOW`
  (or n, if larger) matches with the best title rank, then the newest: `ts_rank` over the body
  vector of every match was most of the time of a common query. Smaller result sets, counts and
  unsliced results are ranked in full, exactly as Wagtail does.
- Each page is indexed, and each query parsed, with its language's configuration (`SEARCH_CONFIGS`,
  migrations hub.0002 and hub.0012: French or English stemming, accents ignored).
- Matching and counting use the GIN index of migration hub.0005. PostgreSQL's planner does not
  count the cost of reading each row's body vector, so for a common word it chose a sequential
  scan that reads every vector twice (about 150 ms instead of 15): index scans are forced for
  those statements only.
"""

from contextlib import contextmanager
from itertools import groupby

from django.contrib.postgres.search import SearchRank
from django.db import connections, transaction

from wagtail.models import Locale

from modelsearch.backends.database.postgres import postgres
from modelsearch.query import And, Or, Phrase, PlainText

from hub.search.backends import search_language, searching_in

DEFAULT_RANK_WINDOW = 500


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (And, Or)):
            rank = SearchRank(vector, self.build_tsquery(query, config=config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None, backend=None):
        windowed = stop is not None and self.fields is None and self.order_by_relevance
        if not windowed or not self.is_text_query(self.query):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_index_vectors(search_query)  # Wagtail's (title, title_norm), (body, 1.0)
        (title, title_norm), (body, _boost) = vectors
        matches = self.queryset.annotate(_vector_=title._combine(body, "||", False)).filter(_vector_=search_query)
        title_rank = self.build_tsrank(title, self.query, config=config) * title_norm
        rank_window = max(getattr(backend, "rank_window", DEFAULT_RANK_WINDOW), stop)
        window = matches.order_by(title_rank.desc(), "-pk").values("pk")[:rank_window]
        rank = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(self.queryset.filter(pk__in=window), rank, start, stop, score_field)

    @classmethod
    def is_text_query(cls, query):
        if isinstance(query, (And, Or)):
            return all(cls.is_text_query(subquery) for subquery in query.subqueries)
        return isinstance(query, (PlainText, Phrase))


class PostgresSearchResults(postgres.PostgresSearchResults):
    def _do_search(self):
        with local_settings(self.query_compiler.queryset.db, enable_seqscan="off"):
            return super()._do_search()

    def _do_count(self):
        with local_settings(self.query_compiler.queryset.db, enable_seqscan="off"):
            return super()._do_count()


@contextmanager
def local_settings(using, **values):
    """PostgreSQL settings for the statements within only, then back to what they were."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        previous = {}
        for name, value in values.items():
            # missing_ok: an extension's setting (pg_trgm.*) is unknown until the extension is loaded.
            cursor.execute("SELECT current_setting(%s, true), set_config(%s, %s, true)", [name, name, value])
            previous[name] = cursor.fetchone()[0]
        yield
        for name, value in previous.items():
            if value is None:
                cursor.execute("SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = %s", [name])
            else:
                cursor.execute("SELECT set_config(%s, %s, true)", [name, value])


class PostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        """Each language's objects indexed with its configuration (objects without a language: the default)."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))

        def language_of(obj):
            return languages.get(getattr(obj, "locale_id", None), "")

        for language_code, group in groupby(sorted(objs, key=language_of), key=language_of):
            with searching_in(language_code or None):
                super().add_items(model, list(group))


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    results_class = PostgresSearchResults
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = params.get("SEARCH_CONFIGS", {})
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", self.autocomplete_config)
        self.rank_window = params.get("RANK_WINDOW", DEFAULT_RANK_WINDOW)

    @property
    def config(self):
        """The text search configuration of the language being indexed or searched (`searching_in`)."""
        return self.search_configs.get(search_language(), self.default_config)

    @config.setter
    def config(self, value):
        self.default_config = value


SearchBackend = PostgresSearchBackend  # what modelsearch looks for in a backend module
