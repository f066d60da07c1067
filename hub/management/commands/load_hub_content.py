from django.core.management.base import BaseCommand, CommandError

from hub.content_io import ContentError
from hub.content_loader import load_hub_content


class Command(BaseCommand):
    help = (
        "Load the hub's content files (home, glossary, territories, practices, about pages) into Wagtail. "
        "Idempotent; pages edited in the admin since they were loaded are kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Overwrite pages edited in the admin.")

    def handle(self, *args, force=False, **options):
        try:
            stats = load_hub_content(force=force, log=lambda message: self.stdout.write(self.style.WARNING(message)))
        except ContentError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        summary = ", ".join(f"{count} {what}" for what, count in sorted(stats.items())) or "nothing to do"
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {summary}."))
