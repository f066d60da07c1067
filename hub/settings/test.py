"""Tests: fast hashing, in-memory cache, plain static storage. DATABASE_URL chooses the database."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The database backend even when ELASTICSEARCH_URL is set: the live Elasticsearch test builds its own.
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# The suite makes thousands of requests from 127.0.0.1 and logs in with Client.login(), which has no
# request for django-axes: both are off here and turned on by the tests that prove them
# (tests/hub/test_abuse.py, which also checks that production settings have them on).
AXES_ENABLED = False
RATELIMIT_ENABLE = False
