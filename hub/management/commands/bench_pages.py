"""Benchmark the public pages: weight, SQL queries and CPU per request, and the page cache's throughput.

For each public page type, three ways a request can find the caches:
- cold: just after a change (a new content version): nothing of the page is cached;
- uncached: the page cache is off, its fragments (menu, footer, main content) are cached;
- cached: an anonymous reader served by the page cache.
Then, unless --no-load: a bounded load (wrk, or a Python client when wrk is missing) on 127.0.0.1
against gunicorn (2 workers, DEBUG off) for a cached page and for the same HTML served by WhiteNoise
as a static file.
"""

import gc
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail.models import Page

from hub.content_cache import content_changed
from hub.management.commands.audit import PAGES

ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(/static/[^"]+)"')
BUDGET_KB = 150
PAGE_TYPES = [
    "hub.HomePage",
    "hub.ContentPage",
    "hub.SitemapPage",
    "practices.PracticeIndexPage",
    "practices.PracticePage",
    "practices.PerspectiveIndexPage",
    "practices.PerspectivePage",
    "practices.ObstacleIndexPage",
    "practices.ObstaclePage",
    "practices.TrainingModuleIndexPage",
    "practices.TrainingModulePage",
    "territories.TerritoryIndexPage",
    "territories.TerritoryPage",
    "glossary.GlossaryIndexPage",
    "glossary.GlossaryTermPage",
]
EXTRA_PATHS = ["/fr/glossaire/decodeur/", "/fr/bonnes-pratiques/?page=1", "/fr/recherche/?q=m%C3%A9diation"]


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=6))


def sample_paths(language="fr"):
    from django.apps import apps

    paths = []
    for label in PAGE_TYPES:
        model = apps.get_model(label)
        page = Page.objects.live().public().filter(locale__language_code=language).type(model).first()
        if page is not None:
            paths.append((label.split(".")[1], page.url))
    return paths + [(path.split("/")[2] or "path", path) for path in EXTRA_PATHS]


def measure(client, path, runs, before=None):
    """(queries of the last run, median CPU ms, p95 CPU ms) over `runs` requests."""
    timings, queries = [], 0
    for _run in range(runs):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(path)
            timings.append((time.process_time() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        queries = len(captured)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return queries, statistics.median(timings), p95


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python_load(url, seconds, connections):
    done = []
    deadline = time.monotonic() + seconds

    def worker():
        count = 0
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url) as response:  # noqa: S310 - 127.0.0.1, built here
                response.read()
            count += 1
        done.append(count)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def wrk_load(url, seconds, connections):
    command = [shutil.which("wrk"), "-t2", f"-c{connections}", f"-d{seconds}s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 - built here
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


class Command(BaseCommand):
    help = "Page weights, SQL queries and CPU per request (cold, uncached, cached), and cached throughput."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=40)
        parser.add_argument("--no-load", action="store_true", help="skip the throughput measurement")
        parser.add_argument("--no-setup", action="store_true", help="use the database as it is (no content load)")
        parser.add_argument("--seconds", type=int, default=10)

    @override_settings(ALLOWED_HOSTS=["testserver", "127.0.0.1"])
    def handle(self, *args, runs, no_load, no_setup, seconds, **options):
        if not no_setup:
            call_command("migrate", verbosity=0)
            call_command("load_hub_content", verbosity=0)
        content_changed()  # nothing cached from another database or an earlier run is read back
        client = Client()
        total_pages = Page.objects.count()
        self.stdout.write(f"== {connection.vendor}, {total_pages} pages, cache {settings.CACHES['default']['BACKEND']}")
        self.weights(client)
        gc.collect()
        gc.freeze()  # as gunicorn.conf.py does in each worker once the site is loaded
        self.queries_and_cpu(client, runs)
        if not no_load:
            self.throughput(seconds)

    def weights(self, client):
        self.stdout.write("== Page weight on a first visit (compressed HTML + CSS + JS)")
        for path in PAGES:
            response = client.get(path)
            html = response.content
            assets = 0
            for url in ASSET.findall(html.decode()):
                found = finders.find(url.removeprefix("/static/").split("?")[0])
                if found:
                    with open(found, "rb") as handle:
                        assets += compressed_size(handle.read())
            total = (compressed_size(html) + assets) / 1024
            status = "OK" if total < BUDGET_KB else "OVER BUDGET"
            self.stdout.write(f"  {path}: {total:.1f} KB ({status}, budget {BUDGET_KB} KB)")

    def queries_and_cpu(self, client, runs):
        self.stdout.write(
            f"== SQL queries and CPU per request ({runs} runs; median / p95 ms of this process's CPU)\n"
            f"  {'page type':<24} {'cold':>20} {'uncached':>20} {'cached':>20}"
        )
        for name, path in sample_paths():
            client.get(path)
            cold = measure(client, path, max(3, runs // 4), before=content_changed)
            with override_settings(PAGE_CACHE_ENABLED=False):
                client.get(path)
                uncached = measure(client, path, runs)
            client.get(path)
            cached = measure(client, path, runs)
            cells = [f"{q:>3} q {median:5.1f}/{p95:5.1f}" for q, median, p95 in (cold, uncached, cached)]
            self.stdout.write(f"  {name:<24} {cells[0]:>20} {cells[1]:>20} {cells[2]:>20}")

    def throughput(self, seconds):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        static_root = Path(settings.STATIC_ROOT)
        if not (static_root / "hub").is_dir():
            call_command("collectstatic", interactive=False, verbosity=0)
        html = Client().get("/fr/").content
        static_file = static_root / "bench" / "home.html"
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(html)
        port = free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.base",
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "x" * 60,
            "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
        }
        command = [str(gunicorn), "hub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        server = subprocess.Popen(  # noqa: S603 - our own gunicorn, built here
            [*command, "--config", "gunicorn.conf.py"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _attempt in range(100):
                try:
                    urllib.request.urlopen(base + "/fr/").read()  # noqa: S310 - 127.0.0.1
                    break
                except OSError:
                    time.sleep(0.1)
            load, tool = (wrk_load, "wrk") if shutil.which("wrk") else (python_load, "a Python client")
            connections = 8
            page = load(base + "/fr/", seconds, connections)
            static = load(base + "/static/bench/home.html", seconds, connections)
            self.stdout.write(
                f"== Throughput on 127.0.0.1, gunicorn 2 workers, {tool}, {connections} connections, {seconds} s each\n"
                f"  cached page /fr/: {page:,.0f} requests/s\n"
                f"  the same HTML as a static file (WhiteNoise): {static:,.0f} requests/s\n"
                f"  ratio: {page / static:.2f}"
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
            static_file.unlink(missing_ok=True)
