"""The Linux desktop files: valid for the freedesktop tools and consistent with the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from neuroguide import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    """The tool's path, or skip the test saying which Debian package provides it."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; see packaging/setup.sh)")
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ElementTree.Element:
    return ElementTree.parse(METAINFO).getroot()


def test_the_desktop_file_passes_desktop_file_validate() -> None:
    result = run(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = run(tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_tree_passes_appstreamcli_validate_tree(tmp_path: Path) -> None:
    appstream = tool("appstreamcli", "appstream")
    installed = run("bash", str(LINUX / "install.sh"), "--desktop-only", "--prefix", str(tmp_path))
    assert installed.returncode == 0, installed.stderr
    result = run(appstream, "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    entry = desktop_entry(tmp_path / "share" / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == f"{tmp_path / 'bin' / 'neuroguide'} %f"
    assert (tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()


def test_one_reverse_dns_id_is_used_everywhere() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert desktop_entry()["Icon"] == APP_ID
    app_source = (ROOT / "neuroguide" / "app.py").read_text(encoding="utf-8")
    assert "setDesktopFileName(APP_ID)" in app_source


def test_the_desktop_entry_starts_the_neuroguide_command() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "neuroguide %f"  # %f: a .neuroguide file opened with it
    assert entry["Terminal"] == "false"
    assert entry["Name"] == metainfo().findtext("name")


def test_every_icon_size_exists_at_its_size() -> None:
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(path))
        assert not image.isNull(), f"{path} is missing or unreadable"
        assert (image.width(), image.height()) == (size, size)
    scalable = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "neuroguide.svg").read_bytes()


def test_every_screenshot_named_in_the_metainfo_is_in_the_repository() -> None:
    images = [image.text or "" for image in metainfo().iter("image")]
    assert images
    for address in images:
        assert (ROOT / "packaging" / "screenshots" / address.rsplit("/", 1)[-1]).is_file()


def test_the_newest_release_is_this_version() -> None:
    release = metainfo().find("releases/release")
    assert release is not None and release.get("version") == __version__


def test_the_content_rating_says_there_is_nothing_to_rate() -> None:
    rating = metainfo().find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1" and len(rating) == 0


def test_the_metainfo_names_its_developer_and_homepage_as_appstream_1_asks() -> None:
    # Debian 13's appstreamcli refuses <developer_name> (deprecated) and a missing homepage,
    # checks the Debian 12 one does not make: pinned here so both releases agree.
    root = metainfo()
    developer = root.find("developer")
    assert developer is not None and developer.get("id") and developer.findtext("name")
    assert root.find("developer_name") is None
    assert (root.findtext("url[@type='homepage']") or "").startswith("https://")


def test_a_neuroguide_file_is_its_own_type_and_opens_with_neuroguide() -> None:
    mime = ElementTree.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    [kind] = mime.findall(f"{namespace}mime-type")
    assert kind.get("type") == "application/x-neuroguide"
    assert [glob.get("pattern") for glob in kind.findall(f"{namespace}glob")] == ["*.neuroguide"]
    assert desktop_entry()["MimeType"] == "application/x-neuroguide;"


def test_the_mime_type_is_recognised_by_shared_mime_info(tmp_path: Path) -> None:
    update = tool("update-mime-database", "shared-mime-info")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{APP_ID}.xml").write_bytes((LINUX / f"{APP_ID}.mime.xml").read_bytes())
    result = run(update, "-V", str(tmp_path / "mime"))
    assert result.returncode == 0 and "error" not in result.stderr.lower(), result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-neuroguide:*.neuroguide" in globs
