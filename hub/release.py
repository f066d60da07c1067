"""Which release of the code is running, so that cached pages never outlive the code that rendered them.

A deploy that changes templates, styles, translations or code must not serve pages rendered by the
previous release: the content version (`hub.content_cache`) is kept per release. `RELEASE` in the
environment names it (a deploy sets the commit); without it, a digest of the files that shape a
page is computed once per process.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SHAPING = ("*.py", "*.html", "*.css", "*.js", "*.mo")
SKIPPED = {".venv", "var", "node_modules", "tests", "reports", ".git"}


@cache
def release():
    named = os.environ.get("RELEASE", "").strip()
    if named:
        return named
    digest = hashlib.sha256()
    for path in sorted(source_files()):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def source_files():
    for top in BASE_DIR.iterdir():
        if top.name in SKIPPED or top.name.startswith(".") or not top.is_dir():
            continue
        for pattern in SHAPING:
            yield from top.rglob(pattern)
