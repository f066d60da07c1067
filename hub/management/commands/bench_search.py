"""Benchmark: search latency over the hub's content plus 20,000 generated documents.

Run it against a database of its own (make bench does): the generated pages are added once and
kept for later runs.
"""

import random
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import override_settings

from hub.content_io import read_yaml
from hub.search.service import SearchService
from practices.content_loader import CONTENT_DIR
from practices.models import PracticeIndexPage, PracticePage

QUERIES = [
    "PRE",
    "réussite éducative",
    "médiation sociale",
    "médiateurs",
    "coopérer",
    "diagnostic partagé",
    "Brest",
    "libre adhésion",
    "appels à projets",
    "confiance entre acteurs",
    "mediaton",  # a typo: nothing found, "did you mean" at work
]
SLUG_PREFIX = "bench-"


def sentences():
    found = []
    for item in read_yaml(CONTENT_DIR / "practices.yaml"):
        for field in ("problem", "what_is_done"):
            found.extend(part.strip() + "." for part in str(item[field]).replace("\n", " ").split(".") if part.strip())
    return found


class Command(BaseCommand):
    help = "Measure search latency (median and p95) with 20,000 extra documents."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=20_000)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, documents, runs, **options):
        call_command("migrate", verbosity=0)
        call_command("load_hub_content", verbosity=0)
        self.generate(documents)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # What autovacuum does in production (this machine's server runs without it): dead rows
                # of the generation removed, visibility map and planner statistics up to date.
                cursor.execute("VACUUM ANALYZE")
        service = SearchService("fr")
        timings = {query: [] for query in QUERIES}
        service.search(QUERIES[0], record=False)  # warm the per-process caches (glossary matcher)
        for _ in range(runs):
            for query in QUERIES:
                started = time.perf_counter()
                service.search(query, record=False)
                timings[query].append((time.perf_counter() - started) * 1000)
        every = sorted(value for values in timings.values() for value in values)
        p95 = statistics.quantiles(every, n=20)[-1]
        total = PracticePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        self.stdout.write(
            f"search on {connection.vendor} with {total} generated documents: "
            f"median {statistics.median(every):.1f} ms, p95 {p95:.1f} ms over {len(every)} searches"
        )
        for query, values in timings.items():
            self.stdout.write(f"  {query!r}: median {statistics.median(values):.1f} ms")

    def generate(self, documents):
        index = PracticeIndexPage.objects.filter(locale__language_code="fr").first()
        existing = PracticePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        if existing >= documents:
            return
        pool = sentences()
        rng = random.Random(20211201)  # noqa: S311 - reproducible fake text, not security
        backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
        self.stdout.write(f"generating {documents - existing} documents (once)...")
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            for start in range(existing, documents, 500):
                with transaction.atomic():
                    index.refresh_from_db()
                    for number in range(start, min(start + 500, documents)):
                        text = " ".join(rng.sample(pool, 6))
                        page = PracticePage(
                            title=f"Fiche d'expérience {number} : {rng.choice(pool)[:80]}",
                            slug=f"{SLUG_PREFIX}{number}",
                            listing_summary=rng.choice(pool)[:300],
                            problem=f"<p>{text}</p>",
                            what_is_done=f"<p>{' '.join(rng.sample(pool, 4))}</p>",
                        )
                        index.add_child(instance=page)
        call_command("update_index", verbosity=0)
        started = time.perf_counter()
        call_command("update_term_usage", rebuild=True, verbosity=0)  # pages added without publishing
        self.stdout.write(f'"where this term appears" rebuilt in {time.perf_counter() - started:.1f} s')
