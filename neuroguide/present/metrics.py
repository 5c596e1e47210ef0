"""Sizes that follow the mode: target sizes, spacing and text size in one place.

Views never hard-code a pixel size; they ask a :class:`Metrics`, so large-button mode and the
text-size setting change every screen the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

NORMAL_TARGET = 44
"""WCAG 2.2 AAA target size (2.5.5) in logical pixels."""
LARGE_TARGET = 64
LARGE_TEXT_FACTOR = 1.6
BASE_POINT_SIZE = 12.0
"""Body text in normal mode at 100 % text size: already above most desktop defaults."""
SPACING = 16
"""Minimum gap between two targets, in both modes."""


@dataclass(frozen=True)
class Metrics:
    """What the current mode asks of every screen."""

    large: bool = False
    text_scale: int = 100

    @property
    def target(self) -> int:
        """Smallest width and height of any control."""
        return LARGE_TARGET if self.large else NORMAL_TARGET

    @property
    def spacing(self) -> int:
        """Gap between controls; a little roomier in large mode."""
        return SPACING + 8 if self.large else SPACING

    @property
    def margin(self) -> int:
        """Space around a screen's content."""
        return 24 if self.large else 16

    @property
    def text_factor(self) -> float:
        """How much bigger than normal text is: large mode times the text-size setting."""
        factor = LARGE_TEXT_FACTOR if self.large else 1.0
        return factor * self.text_scale / 100

    def points(self, relative: float = 1.0) -> float:
        """A font size in points, ``relative`` to body text."""
        return round(BASE_POINT_SIZE * self.text_factor * relative, 1)
