"""pyproject.toml ships every package and resource file, declared so setuptools stays quiet."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _package_name(folder: Path) -> str:
    """The dotted package name of a source folder (resources/ ships as neuroguide_resources)."""
    parts = folder.relative_to(ROOT).parts
    if parts[0] == "resources":
        parts = ("neuroguide_resources", *parts[1:])
    return ".".join(parts)


def _source_folders() -> list[Path]:
    """Every folder under neuroguide/ and resources/ that holds a file to ship."""
    found = []
    for top in ("neuroguide", "resources"):
        for folder in [ROOT / top, *sorted((ROOT / top).rglob("*"))]:
            if not folder.is_dir() or folder.name == "__pycache__":
                continue
            if any(path.is_file() and path.suffix != ".pyc" for path in folder.iterdir()):
                found.append(folder)
    return found


def test_every_package_folder_is_listed_so_a_wheel_ships_it_without_warnings() -> None:
    listed = set(CONFIG["packages"])
    missing = [_package_name(folder) for folder in _source_folders()]
    assert [name for name in missing if name not in listed] == []


def test_every_resource_file_is_matched_by_its_own_packages_data_patterns() -> None:
    patterns: dict[str, list[str]] = CONFIG["package-data"]
    unmatched = []
    for path in sorted((ROOT / "resources").rglob("*")):
        if not path.is_file() or path.suffix in (".py", ".pyc"):
            continue
        package = _package_name(path.parent)
        if not any(fnmatch.fnmatch(path.name, p) for p in patterns.get(package, [])):
            unmatched.append(str(path.relative_to(ROOT)))
    assert unmatched == []
