"""The opt-in "Start NeuroGuide when I log in": an XDG autostart entry, quietly in the tray.

Written to ``$XDG_CONFIG_HOME/autostart/neuroguide.desktop`` (``~/.config/autostart`` by
default), which every freedesktop session starts at log-in. It runs NeuroGuide with
``--tray``: no window, only the tray icon, so reminders come without opening the app by hand.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

from neuroguide.core.private_files import write_private, write_reason

FILE_NAME = "neuroguide.desktop"


def autostart_file(environ: Mapping[str, str] | None = None) -> Path:
    """Where the autostart entry lives."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / FILE_NAME


def start_command(data_dir: Path) -> list[str]:
    """The command that starts this NeuroGuide quietly for ``data_dir``."""
    if getattr(sys, "frozen", False):
        program = [sys.executable]
    else:
        program = [sys.executable, "-m", "neuroguide"]
    return [*program, "--data-dir", str(data_dir), "--tray"]


def desktop_entry(command: list[str]) -> str:
    """The text of the autostart entry for ``command``."""
    exec_line = " ".join(_quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=NeuroGuide\n"
        "Comment=Exercise reminders from NeuroGuide, quietly in the tray\n"
        f"Exec={exec_line}\n"
        "Icon=neuroguide\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=true\n"
    )


def _quote(part: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec asks (double quotes, escaped)."""
    if part and all(ch.isalnum() or ch in "-_./=:" for ch in part):
        return part
    escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$")
    return f'"{escaped}"' if shlex.quote(part) != part or not part else part


def set_autostart(on: bool, data_dir: Path, environ: Mapping[str, str] | None = None) -> str:
    """Write or remove the entry; returns "" or a sentence saying why it could not be done."""
    path = autostart_file(environ)
    try:
        if on:
            text = desktop_entry(start_command(data_dir))
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                write_private(path, text.encode("utf-8"))
        else:
            path.unlink(missing_ok=True)
    except OSError as error:
        return (
            f"Starting at log-in could not be {'set' if on else 'undone'}: {write_reason(error)}."
        )
    return ""


def is_on(environ: Mapping[str, str] | None = None) -> bool:
    """Whether an autostart entry exists."""
    return autostart_file(environ).is_file()
