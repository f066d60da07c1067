from django.core.management.base import BaseCommand, CommandError

from hub.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database and the media files from an archive written by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest['created_at']}."))
