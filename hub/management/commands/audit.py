"""Lighthouse on the reader's key pages, served from this database, with the targets and budgets checked.

Targets: accessibility, best practices and SEO 100, performance at least 95. Budgets: at most
150 KB transferred on a first visit, no render-blocking request but the site's own CSS, no
layout shift. Writes reports/lighthouse.md and fails when a target or budget is missed.
"""

import json
import os
import subprocess  # noqa: S404 - Lighthouse is a Node.js program
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.wsgi import get_wsgi_application

PAGES = [
    "/fr/",
    "/en/",
    "/fr/glossaire/",
    "/fr/glossaire/pre/",
    "/fr/territoires/brest/",
    "/fr/bonnes-pratiques/charte-de-partage-d-informations/",
    "/fr/modules-de-formation/conduire-un-diagnostic-partage/",
    "/fr/recherche/?q=m%C3%A9diation",
    "/fr/glossaire/decodeur/",
]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
BUDGET_BYTES = 150 * 1024
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


class Command(BaseCommand):
    help = "Run Lighthouse on the key pages and check the targets and budgets (make audit)."

    def add_arguments(self, parser):
        parser.add_argument("--chrome", default="/usr/bin/chromium")
        parser.add_argument("--report", default=str(settings.BASE_DIR / "reports" / "lighthouse.md"))

    def handle(self, *args, chrome, report, **options):
        lighthouse = settings.BASE_DIR / "node_modules" / ".bin" / "lighthouse"
        if not lighthouse.exists():
            raise CommandError("Lighthouse is not installed: run `npm ci` (make audit does it).")
        if not Path(chrome).exists():
            raise CommandError(f"No Chromium at {chrome}: install Debian's chromium package.")
        # The production stack: WhiteNoise serves the collected, compressed static files.
        server = make_server("127.0.0.1", 0, get_wsgi_application(), ThreadingServer, QuietHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        rows, failures = [], []
        try:
            for path in PAGES:
                result = self.lighthouse(lighthouse, chrome, base + path)
                rows.append((path, result))
                failures.extend(f"{path}: {problem}" for problem in result["problems"])
                self.stdout.write(f"{path}: {result['summary']}")
        finally:
            server.shutdown()
        self.write_report(Path(report), rows)
        if failures:
            raise CommandError("Targets or budgets missed:\n" + "\n".join(failures))
        self.stdout.write(self.style.SUCCESS(f"All pages meet the targets and budgets. Report: {report}"))

    def lighthouse(self, lighthouse, chrome, url):
        completed = subprocess.run(  # noqa: S603 - fixed arguments
            [
                str(lighthouse), url, "--quiet", "--output=json", "--output-path=stdout",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ],
            env={**os.environ, "CHROME_PATH": chrome},
            capture_output=True,
            text=True,
            timeout=300,
        )  # fmt: skip
        if completed.returncode != 0:
            raise CommandError(f"Lighthouse failed on {url}: {completed.stderr[-2000:]}")
        data = json.loads(completed.stdout)
        scores = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
        audits = data["audits"]
        weight = audits["total-byte-weight"]["numericValue"]
        blocking = [item["url"] for item in audits["render-blocking-insight"].get("details", {}).get("items", [])]
        shift = audits["cumulative-layout-shift"]["numericValue"]
        problems = [f"{key} {scores[key]} < {target}" for key, target in TARGETS.items() if scores[key] < target]
        if weight > BUDGET_BYTES:
            problems.append(f"{weight / 1024:.0f} KB transferred > 150 KB")
        foreign_blocking = [item for item in blocking if "/static/hub/css/" not in item]
        if foreign_blocking:
            problems.append(f"render-blocking: {', '.join(foreign_blocking)}")
        if shift > 0:
            problems.append(f"layout shift {shift:.3f}")
        summary = ", ".join(f"{key} {value}" for key, value in scores.items())
        summary += f"; {weight / 1024:.0f} KB; CLS {shift:.3f}"
        return {
            "scores": scores,
            "weight": weight,
            "shift": shift,
            "problems": problems,
            "summary": summary,
        }

    def write_report(self, path, rows):
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            "# Lighthouse audit",
            "",
            "| page | performance | accessibility | best practices | SEO | transferred | CLS |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for page, result in rows:
            scores = result["scores"]
            lines.append(
                f"| `{page}` | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} | "
                f"{scores['seo']} | {result['weight'] / 1024:.0f} KB | {result['shift']:.3f} |"
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
