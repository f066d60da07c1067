from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from glossary.transfer import ImportRejected, import_glossary


class Command(BaseCommand):
    help = (
        "Import glossary terms from a CSV or JSON file (the format of export_glossary). Every row is "
        "validated first; if any is wrong, nothing is imported and each error is listed with its line."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=["csv", "json"], help="Default: from the file's extension.")

    def handle(self, *args, file, format=None, **options):
        path = Path(file)
        file_format = format or ("json" if path.suffix.lower() == ".json" else "csv")
        try:
            content = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            result = import_glossary(content, file_format)
        except ImportRejected as error:
            lines = "\n".join(f"  line {line}: {message}" for line, message in error.errors)
            raise CommandError(f"Nothing was imported; {len(error.errors)} error(s):\n{lines}") from error
        self.stdout.write(self.style.SUCCESS(f"Glossary imported: {result.summary()}."))
