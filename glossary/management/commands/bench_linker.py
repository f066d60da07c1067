"""Benchmark: link a 5,000-word page against 2,000 terms (target: under 5 ms)."""

import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from glossary.content_loader import read_terms
from glossary.linker import TermInfo, link_terms
from glossary.matcher import Matcher, Term
from hub.content_io import read_yaml

PRACTICES = Path(__file__).resolve().parents[3] / "practices" / "content" / "practices.yaml"


def real_and_synthetic_terms(count):
    terms = []
    for item in read_terms():
        forms = (item["term"], *(item.get("variants") or []), *([item["expansion"]] if item.get("expansion") else []))
        info = TermInfo(
            item["slug"], item["term"], item.get("expansion", ""), item["definition"], f"/fr/g/{item['slug']}/"
        )
        terms.append(Term(item["slug"], forms, info))
    number = 0
    while len(terms) < count:
        slug = f"synthetique-{number}"
        forms = (f"SYN{number}", f"notion synthétique numéro {number}")
        terms.append(Term(slug, forms, TermInfo(slug, forms[0], forms[1], "Terme de test.", f"/fr/g/{slug}/")))
        number += 1
    return terms


def page_of(words_wanted):
    prose = []
    for item in read_yaml(PRACTICES):
        prose.extend(f"{item['problem']} {item['what_is_done']}".split())
    words = (prose * (words_wanted // len(prose) + 1))[:words_wanted]
    paragraphs = [" ".join(words[start : start + 120]) for start in range(0, len(words), 120)]
    return "".join(
        f"<h2>Section {number}</h2><p>{text}</p>" if number % 5 == 0 else f"<p>{text}</p>"
        for number, text in enumerate(paragraphs)
    )


class Command(BaseCommand):
    help = "Measure the glossary linker: a 5,000-word page against 2,000 terms."

    def add_arguments(self, parser):
        parser.add_argument("--terms", type=int, default=2000)
        parser.add_argument("--words", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=50)

    def handle(self, *args, terms, words, runs, **options):
        started = time.perf_counter()
        matcher = Matcher(real_and_synthetic_terms(terms))
        build_ms = (time.perf_counter() - started) * 1000
        html = page_of(words)
        link_terms(html, matcher)  # warm-up
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            linked = link_terms(html, matcher)
            timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        self.stdout.write(
            f"glossary linker: {terms} terms, {words} words, {linked.count('term-link')} links; "
            f"matcher built in {build_ms:.1f} ms; linking median {median:.2f} ms, p95 {p95:.2f} ms "
            f"(target < 5 ms) {'OK' if median < 5 else 'SLOW'}"
        )
