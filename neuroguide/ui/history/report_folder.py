""" "Save report": a PDF written into a named folder, and a way to open that folder.

A file dialog is hard work for people with clumsy fingers (tiny icons, clipped labels), so the
report goes straight to ``Documents/NeuroGuide`` (see ``Paths.reports_dir``) under a dated
name, and the message that follows offers "Open folder". "Save as…" still exists for
anyone who wants to choose.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from neuroguide.core.private_files import make_private_dir, write_reason
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import fit_window
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


def report_path(folder: Path, today: date, suffix: str = "pdf") -> Path:
    """``NeuroGuide report 2026-11-30.pdf``, or ``… (2).pdf`` if that one exists already."""
    base = f"NeuroGuide report {today.isoformat()}"
    path = folder / f"{base}.{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{base} ({number}).{suffix}"
        number += 1
    return path


class SavedDialog(QDialog):
    """Says where the report went, with two big buttons: Open folder, and OK."""

    def __init__(self, path: Path, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Report saved")
        self.path = path
        layout = QVBoxLayout(self)
        m = metrics.margin
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(make_label("Your report is saved", role="title"))
        layout.addWidget(
            make_label(
                f"{_breakable(path.name)}\nin the folder {_breakable(str(path.parent))}",
                role="detail",
                name="Saved as",
            )
        )
        buttons = FlowLayout()
        buttons.set_gap(metrics.spacing)
        self.open_button = make_button(
            "Open folder", "Open folder", "Show the folder with the report in your file manager."
        )
        self.ok_button = make_button("OK", "OK", "Close this message.", role="primary")
        for button in (self.open_button, self.ok_button):
            button.setMinimumSize(metrics.target, metrics.target)
            buttons.add(button)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_folder)
        self.ok_button.clicked.connect(self.accept)
        self.ok_button.setDefault(True)
        self.text_factor = fit_window(self, metrics)  # never wider than the screen

    def open_folder(self) -> bool:
        """Open the report's folder in the file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def save_report(
    folder: Path,
    write: Callable[[Path], None],
    *,
    today: date,
    metrics: Metrics,
    parent: QWidget,
    tell: Callable[[str, str], None],
) -> SavedDialog | None:
    """Write a report with ``write`` into ``folder`` and show where; ``None`` if it failed.

    The dialog is returned so the caller keeps it alive (and tests can press its buttons).
    """
    try:
        make_private_dir(folder)  # the one writer's folders: owner-only, whatever the umask
        path = report_path(folder, today)
        write(path)
    except OSError as error:
        tell("Not saved", f"The report could not be written in {folder}: {write_reason(error)}.")
        return None
    dialog = SavedDialog(path, metrics, parent)
    dialog.open()
    dialog.ok_button.setFocus()
    return dialog


def _breakable(text: str) -> str:
    """A path that may wrap after each slash (a long folder name must not widen the box)."""
    return text.replace("/", "/\u200b")
