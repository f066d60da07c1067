"""Report the weight of key pages on a first visit: HTML, CSS, JS and fonts, compressed (budget 150 KB)."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from hub.management.commands.audit import PAGES

ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(/static/[^"]+)"')
BUDGET_KB = 150


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=6))


class Command(BaseCommand):
    help = "Page weights on first visit (compressed HTML + CSS + JS + fonts), against the 150 KB budget."

    @override_settings(ALLOWED_HOSTS=["testserver"])
    def handle(self, *args, **options):
        call_command("migrate", verbosity=0)  # the pages measured are the site's own content
        call_command("load_hub_content", verbosity=0)
        client = Client()
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
            self.stdout.write(
                f"{path}: {response.status_code}, HTML {compressed_size(html) / 1024:.1f} KB + assets "
                f"{assets / 1024:.1f} KB = {total:.1f} KB compressed ({status}, budget {BUDGET_KB} KB)"
            )
