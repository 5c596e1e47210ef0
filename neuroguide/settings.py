"""User settings: a typed dataclass stored as TOML in the config folder.

Only values that differ from the defaults are written, so a future default change reaches
users who never touched that setting. A broken file or value never stops the app: it falls
back to the default and the caller gets a message to show. A file that cannot be read at all
is moved aside by the app (the one writer) before anything is written, so nothing is lost.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, BinaryIO

from neuroguide.core.numbers import digit_count
from neuroguide.core.private_files import write_private
from neuroguide.core.problems import printable
from neuroguide.core.toml_source import MAX_DIGITS, load_toml, read_limited

THEMES = ("system", "light", "dark", "high-contrast")
THEME_WORDS = {
    "system": "as the system",
    "light": "light",
    "dark": "dark",
    "high-contrast": "high contrast",
}
"""How each theme is named on screen (the home screen's Colours button, the settings row);
beside the names so the home screen needs no settings-screen module for it."""
QUARTER_HOURS = tuple(
    f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in (0, 15, 30, 45)
)
"""Times of day a reminder can be set to ("HH:MM", every quarter of an hour)."""

# Inclusive ranges for the whole-number settings.
RANGES: dict[str, tuple[int, int]] = {
    "text_scale": (100, 200),
    "get_ready_seconds": (0, 60),
    "voice_rate": (80, 300),
    "voice_volume": (0, 100),
    "weekly_goal_minutes": (10, 2000),
    "default_rest": (0, 600),
    "breaks_per_day": (1, 12),  # six by default, as the sources suggest; more when asked
    "snooze_minutes": (5, 60),
    "switch_key": (0, 0x7FFFFFFF),
    "switch_delay_ms": (0, 2000),
    "scan_seconds": (1, 5),
    "birth_year": (1900, 2100),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "theme": THEMES,
    "break_from": QUARTER_HOURS,
    "break_until": QUARTER_HOURS,
    "session_time": QUARTER_HOURS,
    "sex": ("", "female", "male"),
}


@dataclass(frozen=True)
class Settings:
    """Every setting with its default."""

    large_buttons: bool = False
    text_scale: int = 100
    theme: str = "system"
    auto_advance: bool = True
    get_ready_seconds: int = 5
    safety_check: bool = True
    checkins: bool = True
    voice: bool = True
    voice_id: str = ""
    voice_rate: int = 160
    voice_volume: int = 100
    captions: bool = True
    tones: bool = True
    weekly_goal_minutes: int = 150
    seated_only: bool = False
    wheelchair: bool = False
    """"I use a wheelchair": the voice says each exercise's wheelchair words (brakes,
    footrests) and the handout prints them."""
    wheelchair_asked: bool = False
    """Whether "Do you use a wheelchair?" was answered (the seated offer asks it once; a
    change of "I use a wheelchair" in Settings counts as an answer)."""
    suggested_routine: str = "stretch-break"
    window_geometry: str = ""
    default_rest: int = 10
    start_gently: bool = False
    gentle_since: str = ""
    break_reminders: bool = False
    breaks_per_day: int = 6
    break_from: str = "09:00"
    break_until: str = "18:00"
    break_routine: str = "stretch-break"
    session_reminder: bool = False
    session_time: str = "18:00"
    snooze_minutes: int = 10
    start_at_login: bool = False
    """Start quietly in the tray at log-in (an XDG autostart entry), so reminders come."""
    switch_key: int = 0
    """The person's own switch (a Qt key code) that means Space; 0 for none."""
    switch_delay_ms: int = 300
    """A second press of the same key within this many milliseconds is a bounce."""
    scanning: bool = False
    """Switch scanning: the screen's choices are highlighted one after another (key S)."""
    scan_seconds: int = 2
    """How long each choice stays highlighted while scanning."""
    birth_year: int = 0
    """Only to compare progress checks with the norms for an age; 0 means not given."""
    sex: str = ""
    """"female" or "male", only for the progress check norms; "" means not given."""
    welcome_seen: bool = False
    """The first-run welcome was passed (Start pressed): it is never shown again."""

    def changed(self, **values: Any) -> Settings:
        """A copy with ``values`` replaced (validated like a loaded file)."""
        checked, problems = _from_table(values, "settings", base=self)
        if problems:
            raise ValueError("; ".join(problems))
        return checked


DEFAULTS = Settings()


def load_settings(path: Path, *, keep_aside: bool = False) -> tuple[Settings, list[str]]:
    """Read ``path``; return the settings and one message per value that fell back.

    ``keep_aside``: a file that cannot be read as settings (broken TOML, a byte-order mark, a
    duplicate key, not a plain file) is renamed to ``settings.damaged-YYYYmmdd-HHMMSS.toml``
    beside it, and the message says so; the app passes True, since it will write the file.
    """
    if not os.path.lexists(path):
        return DEFAULTS, []
    data, problem = read_limited(path, str(path))
    if data is not None:
        table, _text, problems = load_toml(data, str(path))
        if table is not None:
            return _from_table(table, str(path), base=DEFAULTS)
        problem = problems[0]
    reason = problem.message if problem else "cannot read"
    if problem and problem.line:
        reason = f"line {problem.line}: {reason}"
    message = f"{path}: the settings file could not be read ({reason})"
    if keep_aside:
        aside = _move_aside(path)
        message += f"; it was kept as {aside.name}" if aside else "; it could not be moved aside"
    return DEFAULTS, [printable(f"{message}; using the defaults")]


def _move_aside(path: Path) -> Path | None:
    """Rename a damaged settings file beside itself, keeping its bytes; None if it cannot be."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 100):
        suffix = "" if number == 1 else f"-{number}"
        aside = path.with_name(f"{path.stem}.damaged-{stamp}{suffix}{path.suffix}")
        if os.path.lexists(aside):
            continue
        try:
            os.rename(path, aside)
        except OSError:
            return None
        return aside
    return None


def save_settings(settings: Settings, path: Path) -> None:
    """Write the values that differ from the defaults, atomically and owner-only."""
    table = {
        key: value for key, value in asdict(settings).items() if getattr(DEFAULTS, key) != value
    }
    import tomli_w  # only needed when something changed; keeps start-up lean

    def write(handle: BinaryIO) -> None:
        handle.write(b"# NeuroGuide settings: only what differs from the defaults.\n")
        tomli_w.dump(table, handle)

    write_private(path, write)  # the app's one writer: whole or not at all, 0600


def _from_table(
    table: dict[str, Any], origin: str, *, base: Settings
) -> tuple[Settings, list[str]]:
    known = {field.name: field for field in fields(Settings)}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in table.items():
        if key not in known:
            problems.append(printable(f"{origin}: unknown setting '{key}' ignored"))
            continue
        problem = _check(key, value, type(getattr(DEFAULTS, key)))
        if problem:
            default = getattr(DEFAULTS, key)
            problems.append(f"{origin}: {problem}; using the default ({default!r})")
            continue
        values[key] = value
    return replace(base, **values), problems


def _check(key: str, value: Any, kind: type) -> str | None:
    if kind is bool:
        return None if isinstance(value, bool) else f"'{key}' must be true or false"
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"'{key}' must be a whole number"
        low, high = RANGES[key]
        if digit_count(value) > MAX_DIGITS:
            return f"'{key}' is a number with {digit_count(value)} digits, outside {low} to {high}"
        if not low <= value <= high:
            return f"'{key}' = {value} is outside {low} to {high}"
        return None
    if not isinstance(value, str):
        return f"'{key}' must be text"
    if key in CHOICES and value not in CHOICES[key]:
        return f"'{key}' = {value!r} is not one of {', '.join(CHOICES[key])}"
    return None
