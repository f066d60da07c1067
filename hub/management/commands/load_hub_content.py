from django.core.management.base import BaseCommand, CommandError

from hub.content_io import ContentError
from hub.content_loader import load_hub_content


class Command(BaseCommand):
    help = (
        "Load the hub's content files (home, glossary, territories, practices, about pages) into Wagtail. "
        "Idempotent; pages edited in the admin since they were loaded are kept unless --force; pages and "
        "translations deleted in the admin are not created again unless --restore-deleted. Says what it "
        "skipped and why."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite pages edited in the admin with the files' content (deleted pages stay deleted).",
        )
        parser.add_argument(
            "--restore-deleted",
            action="store_true",
            help="Create again the pages, glossary terms and English translations deleted in the admin.",
        )

    def handle(self, *args, force=False, restore_deleted=False, verbosity=1, **options):
        log = (lambda message: self.stdout.write(self.style.WARNING(message))) if verbosity >= 1 else None
        try:
            stats = load_hub_content(force=force, restore_deleted=restore_deleted, log=log)
        except ContentError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        if verbosity >= 1:
            summary = ", ".join(f"{count} {what}" for what, count in sorted(stats.items())) or "nothing to do"
            self.stdout.write(self.style.SUCCESS(f"Content loaded: {summary}."))
