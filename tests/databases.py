"""Databases other processes can open: copies of the test database, for tests that start processes.

The test database holds the site's content, loaded once per session (tests/conftest.py); a copy
made with SQLite's backup API or pg_dump / pg_restore takes seconds where loading it takes minutes.
"""

import shutil
import sqlite3
import subprocess
import uuid

from django.db import connection


def run(command, **options):
    """A command line built here (PostgreSQL's tools), failing loudly."""
    return subprocess.run(command, check=True, capture_output=True, **options)  # noqa: S603 - built here


def tool(name):
    return shutil.which(name) or name


def server_arguments():
    params = connection.settings_dict
    return ["-h", params["HOST"] or "127.0.0.1", "-p", str(params["PORT"] or 5432), "-U", params["USER"]]


def server_url(name):
    params = connection.settings_dict
    return f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"


def copy_database(tmp_path, name="site"):
    """A copy of the test database as it was loaded (committed), and a function that drops it."""
    if connection.vendor == "sqlite":
        target = tmp_path / f"{name}.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}", lambda: None
    database = f"cooperer_{name}_{uuid.uuid4().hex[:8]}"
    run([tool("createdb"), *server_arguments(), database])
    dump = run([tool("pg_dump"), *server_arguments(), "-Fc", connection.settings_dict["NAME"]]).stdout
    run([tool("pg_restore"), *server_arguments(), "--no-owner", "-d", database], input=dump)
    return server_url(database), lambda: run([tool("dropdb"), *server_arguments(), "--force", database])


def empty_database(tmp_path, name="empty"):
    """An empty database on the same server (a file for SQLite), and a function that drops it."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite3'}", lambda: None
    database = f"cooperer_{name}_{uuid.uuid4().hex[:8]}"
    run([tool("createdb"), *server_arguments(), database])
    return server_url(database), lambda: run([tool("dropdb"), *server_arguments(), "--force", database])
