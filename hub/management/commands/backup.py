from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hub.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write one timestamped archive of the database (pg_dump or SQLite copy) and the media files."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.BASE_DIR / "backups"), help="Folder for the archive.")

    def handle(self, *args, output, **options):
        try:
            archive = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
