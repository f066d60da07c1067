"""Pages cached by one release of the code are never served by the next (hub.release)."""

import os
import re
import subprocess
import sys

from django.conf import settings

from hub import content_cache
from hub.release import release


def release_in_a_new_process(**environment):
    env = {key: value for key, value in os.environ.items() if key != "RELEASE"} | environment
    command = [sys.executable, "-c", "from hub.release import release; print(release())"]
    completed = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return completed.stdout


def test_the_content_version_is_kept_per_release():
    assert content_cache.VERSION_KEY == f"hub:content-version:{release()}"


def test_a_deploy_names_its_release_in_the_environment():
    assert release_in_a_new_process(RELEASE="4f2a9c1").strip() == "4f2a9c1"


def test_without_a_name_the_release_is_a_digest_of_the_files_that_shape_a_page():
    assert re.fullmatch(r"[0-9a-f]{16}\n", release_in_a_new_process())
