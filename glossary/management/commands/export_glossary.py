import sys

from django.core.management.base import BaseCommand, CommandError

from glossary.transfer import ImportRejected, export_glossary


class Command(BaseCommand):
    help = "Export the published glossary terms as CSV or JSON (to standard output or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--locale", default="fr", help="Language of the terms to export (default: fr).")
        parser.add_argument("--output", help="File to write; standard output when omitted.")

    def handle(self, *args, format="csv", locale="fr", output=None, **options):
        try:
            content = export_glossary(format, locale)
        except ImportRejected as error:
            raise CommandError(str(error)) from error
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
        else:
            sys.stdout.write(content)
