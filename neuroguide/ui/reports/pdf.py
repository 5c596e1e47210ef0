"""An A4 PDF writer set up the same way for every document NeuroGuide prints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter


def a4_writer(
    path: Path, title: str, *, resolution: int, margins_mm: tuple[float, float] = (15, 15)
) -> QPdfWriter:
    """A portrait A4 writer to ``path`` with ``title``; margins are (sides, top and bottom)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("NeuroGuide")
    writer.setResolution(resolution)
    sides, ends = margins_mm
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(sides, ends, sides, ends),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer
