"""Local development: `make run` uses these settings."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402, F403

SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_AUTOREFRESH = True
