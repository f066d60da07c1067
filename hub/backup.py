"""One archive with the database and the media files; and bringing it back.

SQLite is copied with SQLite's online backup API; PostgreSQL with pg_dump (custom format) and
pg_restore. A restore checks the archive before touching anything, restores PostgreSQL in a
single transaction, and keeps the previous media folder beside the new one.

Why not django-dbbackup (5.0): it drives the same tools (SQLite's backup API, pg_dump and
pg_restore), but as two backups with two commands each (dbbackup / mediabackup, dbrestore /
mediarestore), so that a database and the media of another day can be restored together; what
this module adds to those tools (one archive, its manifest checked before anything is touched,
the previous media kept) would have to be written around it all the same.
"""

import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore are the right tools
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def postgres_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    host = db.get("HOST") or "localhost"
    port = db.get("PORT") or "5432"
    return f"postgresql://{credentials}@{host}:{port}/{db['NAME']}"


def run(command):
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=3600)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client tools.") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def dump_database(directory):
    if connection.vendor == "sqlite":
        target = directory / "database.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return target.name
    if connection.vendor == "postgresql":
        target = directory / "database.dump"
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", postgres_url()])
        return target.name
    raise BackupError(f"backups of {connection.vendor} databases are not supported")


def backup(output_directory):
    """Write `cooperer-<timestamp>.tar.gz` in output_directory and return its path."""
    output_directory = Path(output_directory)
    output_directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_directory / f"cooperer-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        database = dump_database(temporary)
        manifest = {
            "format": ARCHIVE_FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": connection.vendor, "file": database},
        }
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = archive.with_suffix(".partial")
        # The archive holds password hashes: readable by its owner only, from its first byte.
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as file:
            write_archive(file, temporary, database, media_root)
        partial.rename(archive)
    return archive


def write_archive(file, temporary, database, media_root):
    with tarfile.open(fileobj=file, mode="w:gz") as tar:
        tar.add(temporary / MANIFEST, arcname=MANIFEST)
        tar.add(temporary / database, arcname=database)
        if media_root.is_dir():
            tar.add(media_root, arcname="media")


def read_archive(archive, directory):
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(directory, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} is not a readable backup archive ({error})") from error
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive} has no valid {MANIFEST}: it is not a Coopérer backup") from error
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"{archive} has an unknown format {manifest.get('format')!r}")
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"{archive} holds a {vendor} database; the configured database is {connection.vendor} "
            "(set DATABASE_URL to a database of the same kind)"
        )
    if not (directory / manifest["database"]["file"]).is_file():
        raise BackupError(f"{archive} is missing its database file")
    return manifest


def restore(archive):
    """Replace the configured database and the media folder with the archive's."""
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        manifest = read_archive(archive, temporary)
        database = temporary / manifest["database"]["file"]
        if connection.vendor == "sqlite":
            connection.close()
            with (
                closing(sqlite3.connect(database)) as source,
                closing(sqlite3.connect(connection.settings_dict["NAME"])) as target,
            ):
                source.backup(target)
        else:
            run(
                [
                    "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                    "--single-transaction", "--exit-on-error", f"--dbname={postgres_url()}", str(database),
                ]
            )  # fmt: skip
        media = temporary / "media"
        media_root = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            if media_root.exists():
                kept = media_root.with_name(f"{media_root.name}.before-restore-{timezone.now():%Y%m%d-%H%M%S}")
                media_root.rename(kept)
            media_root.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(media), str(media_root))
    return manifest
