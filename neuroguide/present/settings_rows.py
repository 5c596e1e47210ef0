"""What the settings screen shows: each setting's words and the control that changes it.

Plain data, so the screen can build every row the same way and the tests can walk them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from neuroguide.core.library import format_duration
from neuroguide.core.reminders import SUGGESTED_BREAKS, breaks_words
from neuroguide.settings import QUARTER_HOURS, RANGES, THEME_WORDS

TEXT_SIZES = (100, 125, 150, 175, 200)


def seconds(value: int) -> str:
    """``0`` -> ``none``; ``75`` -> ``1 min 15 s``."""
    return "none" if value == 0 else format_duration(value)


def minutes(value: int) -> str:
    """``150`` -> ``150 min``."""
    return f"{value} min"


def quarter_hour(index: int) -> str:
    """Index into :data:`QUARTER_HOURS` -> ``"09:15"``."""
    return QUARTER_HOURS[index]


@dataclass(frozen=True)
class Row:
    """One setting: ``kind`` is ``toggle``, ``stepper``, ``choice``, ``time`` or ``voice``."""

    key: str
    title: str
    explanation: str
    kind: str
    step: int = 1
    words: Callable[[int], str] = str
    presets: tuple[int, ...] = ()
    choices: tuple[tuple[Any, str], ...] = field(default_factory=tuple)

    @property
    def low(self) -> int:
        """Smallest value (steppers)."""
        return 0 if self.kind == "time" else RANGES[self.key][0]

    @property
    def high(self) -> int:
        """Largest value (steppers)."""
        return len(QUARTER_HOURS) - 1 if self.kind == "time" else RANGES[self.key][1]


def groups() -> list[tuple[str, list[Row]]]:
    """Every setting, grouped under a heading, in screen order."""
    return [
        (
            "Display",
            [
                Row(
                    "large_buttons",
                    "Large buttons",
                    "Bigger buttons and text on every screen.",
                    "toggle",
                ),
                Row(
                    "text_scale",
                    "Text size",
                    "How big the text is, up to twice the normal size.",
                    "choice",
                    choices=tuple((size, f"{size} %") for size in TEXT_SIZES),
                ),
                Row(
                    "theme",
                    "Colours",
                    "High contrast makes text and buttons stand out most.",
                    "choice",
                    choices=tuple(THEME_WORDS.items()),
                ),
            ],
        ),
        (
            "Voice and sound",
            [
                Row(
                    "voice", "Spoken guidance", "A voice tells you each step and counts.", "toggle"
                ),
                Row("voice_id", "Voice", "Pick the voice you understand best.", "voice"),
                Row(
                    "voice_rate",
                    "Speaking speed",
                    "Words per minute. Slower can be easier to follow.",
                    "stepper",
                    step=10,
                    words=lambda v: f"{v} words a minute",
                    presets=(130, 160, 190),
                ),
                Row(
                    "voice_volume",
                    "Voice volume",
                    "How loud the voice is, compared with your computer's volume.",
                    "stepper",
                    step=10,
                    words=lambda v: f"{v} %",
                    presets=(50, 75, 100),
                ),
                Row(
                    "captions",
                    "Captions",
                    "Show every spoken sentence as text on the screen too.",
                    "toggle",
                ),
                Row(
                    "tones", "Tones", "Short sounds when work, rest and get-ready begin.", "toggle"
                ),
            ],
        ),
        (
            "During a session",
            [
                Row(
                    "auto_advance",
                    "Go on by itself",
                    "Move to the next exercise without a press. Off: wait for Space.",
                    "toggle",
                ),
                Row(
                    "get_ready_seconds",
                    "Time to get ready",
                    "Seconds to get into position before each exercise.",
                    "stepper",
                    words=seconds,
                    presets=(5, 10, 15),
                ),
                Row(
                    "default_rest",
                    "Rest between sets",
                    "The rest a new step gets in the routine editor.",
                    "stepper",
                    step=5,
                    words=seconds,
                    presets=(10, 15, 30, 60),
                ),
                Row(
                    "safety_check",
                    "Safety check",
                    "Before balance work, a reminder to stand by a wall or counter.",
                    "toggle",
                ),
                Row(
                    "switch_key",
                    "Use my own switch",
                    "A foot pedal, a switch box or any one key can do the next obvious "
                    "thing, like Space: pause, carry on, start.",
                    "switch",
                ),
                Row(
                    "switch_delay_ms",
                    "Count a double press once",
                    "A second press of the same key this soon after the first is ignored, "
                    "so a switch that bounces or a shaky press acts only once.",
                    "stepper",
                    step=50,
                    words=lambda v: "off" if v == 0 else f"{v} ms",
                    presets=(300, 500, 1000),
                ),
                Row(
                    "scanning",
                    "Switch scanning",
                    "The screen's choices light up one after another; press your switch (or "
                    "Space) when the one you want is lit. S starts and stops it on any screen.",
                    "toggle",
                ),
                Row(
                    "scan_seconds",
                    "Scanning pace",
                    "How long each choice stays lit.",
                    "stepper",
                    words=lambda v: f"{v} s",
                    presets=(1, 2, 3, 5),
                ),
                Row(
                    "checkins",
                    "Check-ins",
                    "Before and after each session, rate pain, numbness, tingling and balance.",
                    "toggle",
                ),
            ],
        ),
        (
            "Your plan",
            [
                Row(
                    "weekly_goal_minutes",
                    "Weekly goal",
                    "Active minutes you aim for each week.",
                    "stepper",
                    step=10,
                    words=minutes,
                    presets=(60, 90, 150),
                ),
                Row(
                    "suggested_routine",
                    "Suggested routine",
                    "The routine the big Start button on the home screen begins.",
                    "routine",
                ),
                Row(
                    "seated_only",
                    "Seated only",
                    "Show only what you can do from a chair. Standing exercises are swapped "
                    "for seated ones, or left out.",
                    "toggle",
                ),
                Row(
                    "wheelchair",
                    "I use a wheelchair",
                    "The voice says how to do each exercise from a wheelchair (brakes on, "
                    "feet off the footrests only if safe), and the handout prints it.",
                    "toggle",
                ),
                Row(
                    "start_gently",
                    "Start gently",
                    "For your first weeks: shorter holds and fewer reps, growing to the full "
                    "amount as sessions go well and your pain does not rise.",
                    "toggle",
                ),
            ],
        ),
        (
            "Reminders",
            [
                Row(
                    "break_reminders",
                    "Stretch-break reminders",
                    "Short breaks spread over the day.",
                    "toggle",
                ),
                Row(
                    "breaks_per_day",
                    "Breaks a day",
                    "How many stretch breaks to remind you of. The sources suggest up to "
                    "six a day; go higher only if you want more.",
                    "stepper",
                    words=breaks_words,
                    presets=(3, SUGGESTED_BREAKS),
                ),
                Row("break_from", "First break at", "The earliest reminder of the day.", "time"),
                Row("break_until", "Last break at", "The latest reminder of the day.", "time"),
                Row(
                    "break_routine",
                    "Routine for a break",
                    "The routine a stretch-break reminder opens.",
                    "routine",
                ),
                Row(
                    "session_reminder",
                    "Daily session reminder",
                    "One reminder a day for your suggested routine.",
                    "toggle",
                ),
                Row("session_time", "Remind me at", "The time of the daily reminder.", "time"),
                Row(
                    "start_at_login",
                    "Start NeuroGuide when I log in",
                    "It starts quietly in the tray, so reminders come without opening it by hand.",
                    "toggle",
                ),
                Row(
                    "snooze_minutes",
                    "Snooze for",
                    "How long 'Later' puts a reminder off.",
                    "stepper",
                    step=5,
                    words=minutes,
                    presets=(10, 30),
                ),
            ],
        ),
    ]
