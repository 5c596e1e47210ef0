"""How big the player's parts are: the countdown by the window, the words by what is left.

The countdown is the one thing read from across the room, so its square depends only on the
window's size and the large-button mode, never on the text size. The player's words then get
the largest text factor (at most the one the person chose) at which everything fits.
"""

from __future__ import annotations

from neuroguide.present.metrics import BASE_POINT_SIZE, Metrics

LARGE_SHARE = 0.62
"""Large mode: the countdown's side as a share of the player's height (about 165 px digits
at a height of 768; 160 asked for)."""
NORMAL_SHARE = 0.5
"""Normal mode: about 135 px digits at a height of 768 (120 asked for)."""
WIDTH_SHARE = 0.42
"""At most this share of the width, so the words beside it have room."""
PLAYER_FACTOR = 1.5
"""The player's words start at least this large (at a height of 768, and in proportion on
taller windows): they are read from a distance, and at the normal text size there is room."""
SMALLEST_FACTOR = 0.8
"""Below this the player's words would be smaller than ordinary desktop text."""

# Player text sizes relative to its body text.
_RELATIVE = {
    "phase": 1.5,
    "exercise": 1.5,
    "heading": 1.15,
    "caption": 1.3,
    "safety": 1.15,
    "detail": 1.0,
    "title": 1.8,
    "primary": 1.2,
}


def countdown_side(width: int, height: int, *, large: bool) -> int:
    """The countdown's square side in pixels for a player of ``width`` x ``height``."""
    share = LARGE_SHARE if large else NORMAL_SHARE
    return max(160, int(min(height * share, width * WIDTH_SHARE)))


def distance_factor(metrics: Metrics, height: int) -> float:
    """The text factor a page read from across the room starts from at ``height``: the
    person's own, or :data:`PLAYER_FACTOR` (in proportion above a height of 768) if larger."""
    return max(metrics.text_factor, PLAYER_FACTOR * max(1.0, height / 768))


def text_factors(full: float) -> list[float]:
    """The text factors to try, largest first: the person's own, then smaller steps."""
    factors = [round(full, 2)]
    step = full
    while step - 0.1 >= SMALLEST_FACTOR - 1e-9:
        step -= 0.1
        factors.append(round(step, 2))
    if factors[-1] > SMALLEST_FACTOR:
        factors.append(SMALLEST_FACTOR)
    return factors


def font_sheet(factor: float, metrics: Metrics) -> str:
    """The player's own style sheet: text sizes for ``factor`` (padding follows the mode)."""

    def pt(role: str = "") -> float:
        return round(BASE_POINT_SIZE * factor * _RELATIVE.get(role, 1.0), 1)

    pad = 12 if metrics.large else 8
    return f"""
QWidget {{ font-size: {pt()}pt; }}
QLabel[role="phase"] {{ font-size: {pt("phase")}pt; font-weight: bold; padding: 4px 16px;
    border-radius: 8px; }}
QLabel[role="exercise"] {{ font-size: {pt("exercise")}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {pt("heading")}pt; font-weight: bold; }}
QLabel[role="caption"] {{ font-size: {pt("caption")}pt; padding: {pad // 2}px {pad}px; }}
QLabel[role="safety"] {{ font-size: {pt("safety")}pt; font-weight: bold; }}
QLabel[role="detail"] {{ font-size: {pt("detail")}pt; }}
QLabel[role="title"] {{ font-size: {pt("title")}pt; font-weight: bold; }}
QPushButton[role="primary"] {{ font-size: {pt("primary")}pt; font-weight: bold;
    padding: 6px 24px; }}
"""
