"""Reading configuration from the environment, with errors a person can act on."""

import os

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1/0, true/false, yes/no or on/off.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_MS = 5000  # DATABASE_STATEMENT_TIMEOUT_MS; manage.py sets 0 (no limit) for commands


def statement_timeout_ms():
    raw = os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", str(STATEMENT_TIMEOUT_MS))
    if not raw.strip().isdigit():
        raise ImproperlyConfigured(f"DATABASE_STATEMENT_TIMEOUT_MS={raw!r} is not a number of milliseconds.")
    return int(raw)


def database_from_url(url):
    """Parse a DATABASE_URL, refusing anything that is not SQLite or PostgreSQL."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL is malformed ({error}). Expected e.g. "
            "postgres://user:password@host:5432/name or sqlite:///path/to/db.sqlite3."
        ) from error
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(f"DATABASE_URL must point to PostgreSQL or SQLite, not {engine or url!r}.")
    if engine == "django.db.backends.postgresql" and not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL has no database name (postgres://user@host:5432/NAME).")
    if engine == "django.db.backends.postgresql":
        # A server that accepts connections and never answers must not hold a worker for long:
        # give up connecting after 3 s, and have the server stop any statement after 5 s.
        options = config.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", CONNECT_TIMEOUT_SECONDS)
        options.setdefault("options", f"-c statement_timeout={statement_timeout_ms()}")
    if engine == "django.db.backends.sqlite3":
        config.pop("CONN_HEALTH_CHECKS", None)
        config["CONN_MAX_AGE"] = 0
    return config
