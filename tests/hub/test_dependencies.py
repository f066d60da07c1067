"""The lock files follow pyproject.toml: every declared dependency pinned within its range, with hashes."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)


def locked(lock_file):
    """{canonical name: (version, number of hashes)} for every package the lock file pins."""
    text = (ROOT / lock_file).read_text()
    return {canonicalize_name(name): (version, hashes.count("--hash=")) for name, version, hashes in PIN.findall(text)}


@pytest.mark.parametrize(
    ("lock_file", "declared"),
    [
        ("requirements.txt", PROJECT["dependencies"]),
        ("requirements-dev.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_declared_dependency_is_locked_within_its_range(lock_file, declared):
    pins = locked(lock_file)
    for line in declared:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is declared but not in {lock_file}: run make lock"
        assert requirement.specifier.contains(pins[name][0]), f"{lock_file} pins {name} outside {requirement}"


@pytest.mark.parametrize("lock_file", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_carries_its_hashes(lock_file):
    lines = [line for line in (ROOT / lock_file).read_text().splitlines() if "==" in line]
    pins = locked(lock_file)
    assert len(pins) == len(lines)
    assert [name for name, (_, hashes) in pins.items() if hashes == 0] == []


def test_the_site_and_the_tests_run_the_same_versions():
    site, dev = locked("requirements.txt"), locked("requirements-dev.txt")
    assert {name: dev[name][0] for name in site} == {name: version for name, (version, _) in site.items()}


def test_make_installs_from_the_lock_files_with_their_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt" in makefile
