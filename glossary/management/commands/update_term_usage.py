from django.core.management.base import BaseCommand

from glossary.usage import update_every_language


class Command(BaseCommand):
    help = (
        'Bring "where this term appears" up to date: rebuild the rows of each language whose published terms '
        "changed since they were built (--rebuild: every language). Publishing keeps them current; run this "
        "after a deployment, a restore or a bulk change made outside Wagtail's publishing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Rebuild every language, changed or not.")

    def handle(self, *args, rebuild=False, verbosity=1, **options):
        for language_code, rebuilt in update_every_language(rebuild=rebuild).items():
            if verbosity >= 1:
                self.stdout.write(f"{language_code}: {'rebuilt' if rebuilt else 'already up to date'}")
