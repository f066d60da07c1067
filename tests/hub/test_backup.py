"""make backup / make restore: a site with content, revisions, translations and an image comes back identical.

The test runs the real commands in separate processes, against databases of their own: a copy of
the test database (its whole content) and an empty one, files for SQLite, scratch databases on the
PostgreSQL server when the suite runs on PostgreSQL.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.databases import copy_database, empty_database

PROJECT_DIR = Path(__file__).resolve().parents[2]
COMPARED = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailcore.locale",
    "glossary.glossarytermpage",
    "practices.practicepage",
    "taggit.tag",
    "taggit.taggeditem",
    "practices.practicepagetag",
    "wagtail_localize.translation",
    "wagtail_localize.translationsource",
    "wagtail_localize.stringtranslation",
    "wagtailimages.image",
    "auth.group",
]
MAKE_IMAGE = """
import io
from PIL import Image as PILImage
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from practices.models import PracticePage
buffer = io.BytesIO()
PILImage.new("RGB", (40, 30), (11, 90, 107)).save(buffer, format="PNG")
Image.objects.create(title="Carte de test", file=ImageFile(buffer, name="carte.png"))
page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale__language_code="fr")
page.title = "Une deuxième révision"
page.save_revision().publish()
"""


def manage(env, *args):
    result = subprocess.run(  # noqa: S603 - the project's own manage.py
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def environment(database_url, media_root):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.dev", DEBUG="1", DATABASE_URL=database_url, MEDIA_ROOT=str(media_root)
    )
    return env


def snapshot(env):
    data = json.loads(manage(env, "dumpdata", *COMPARED, "--indent", "0"))
    return sorted(json.dumps(item, sort_keys=True) for item in data)


def media_files(root):
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.django_db
def test_backup_then_restore_into_an_empty_database_gives_the_same_site(tmp_path):
    source_url, drop_source = copy_database(tmp_path, "backup_source")  # the whole site, as loaded
    restored_url, drop_restored = empty_database(tmp_path, "backup_restored")
    try:
        source = environment(source_url, tmp_path / "media-source")
        manage(source, "shell", "-c", MAKE_IMAGE)
        output = manage(source, "backup", "--output", str(tmp_path / "backups"))
        archive = next((tmp_path / "backups").glob("cooperer-*.tar.gz"))
        assert str(archive) in output
        assert archive.stat().st_mode & 0o777 == 0o600  # it holds password hashes

        restored = environment(restored_url, tmp_path / "media-restored")
        manage(restored, "restore", str(archive))

        before, after = snapshot(source), snapshot(restored)
        assert len(before) > 1000
        assert after == before
        assert any('"model": "wagtailimages.image"' in item for item in after)
        assert any('"model": "wagtail_localize.translation"' in item for item in after)
        originals = media_files(tmp_path / "media-source")
        assert any(name.startswith("original_images/") for name in originals)
        assert media_files(tmp_path / "media-restored") == originals
    finally:
        drop_source()
        drop_restored()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    env = environment(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path / "media")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(bogus)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Nothing was restored" in result.stderr
    assert not (tmp_path / "media").exists()
