import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the `admin` superuser if no superuser exists (password from ADMIN_PASSWORD, else random)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(self.style.SUCCESS("Created the `admin` account with the password from ADMIN_PASSWORD."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Created the `admin` account. Password (shown once): {password}"))
