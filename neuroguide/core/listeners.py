"""The one interface through which the GUI, the voice and the history follow a session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from neuroguide.core.events import Event


class SessionListener(Protocol):
    """Anything that reacts to engine events; called with every batch a control or tick returns."""

    def handle(self, events: Sequence[Event]) -> None:
        """React to ``events`` (in the order they became due)."""
        ...
