"""The editor's programme buttons: Share (one ``.neuroguide`` file), Print handout (a PDF),
and Import of a shared programme (checked, shown, then added — never replacing unasked).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from neuroguide.content.programme import (
    SUFFIX,
    Programme,
    ProgrammeError,
    taken_by,
    write_programme,
)
from neuroguide.content.routines import RoutineFiles
from neuroguide.core.library import Routine
from neuroguide.ui.common.file_chooser import save_file_name
from neuroguide.ui.editor.programme_view import ProgrammeView


class ProgrammeHost(Protocol):
    """What the programme buttons need of the editor screen (which imports this module)."""

    files: RoutineFiles

    def routines(self) -> dict[str, Routine]:
        """Every routine by id, built-in and own."""
        ...

    def show_list(self, message: str = "") -> None:
        """Back to the list of routines, saying ``message``."""
        ...

    def show_page(self, page: QWidget) -> None:
        """Show one of the editor's pages."""
        ...

    def after_change(self) -> None:
        """The routines changed: refresh whoever shows them."""
        ...

    def wheelchair(self) -> bool:
        """Whether the settings say "I use a wheelchair" (the handout prints those words)."""
        ...


class ProgrammeActions:
    """Share, handout and programme import for one editor screen."""

    def __init__(self, screen: ProgrammeHost, view: ProgrammeView) -> None:
        self.screen = screen
        self.view = view
        self.pending: Programme | None = None
        view.add_requested.connect(self.add_pending)
        view.cancel_requested.connect(lambda: self.screen.show_list("Nothing was added."))

    # ----------------------------------------------------------------- share

    def ask_share(self, routine_id: str) -> None:
        """Ask where to save the programme file, then write it."""
        suggested = str(Path.home() / f"{routine_id}{SUFFIX}")
        chosen = save_file_name(
            self.view.window(), "Share a programme", suggested, f"NeuroGuide programmes (*{SUFFIX})"
        )
        if chosen:
            target = Path(chosen)
            self.share_to(
                routine_id, target if target.suffix == SUFFIX else target.with_suffix(SUFFIX)
            )

    def share_to(self, routine_id: str, target: Path) -> bool:
        """Write routine ``routine_id`` as one programme file."""
        routine = self.screen.routines()[routine_id]
        try:
            write_programme(routine, target, self.screen.files.paths.own_files())
        except ProgrammeError as error:
            self.screen.show_list(f"{routine.name} could not be shared: {error}")
            return False
        self.screen.show_list(
            f"Saved {routine.name} with its exercises and pictures to {target}. "
            "Give this one file to anyone with NeuroGuide."
        )
        return True

    # ----------------------------------------------------------------- handout

    def ask_handout(self, routine_id: str) -> None:
        """Ask where to save the handout, then write it."""
        suggested = str(Path.home() / f"{routine_id}-handout.pdf")
        chosen = save_file_name(
            self.view.window(), "Print a handout", suggested, "PDF files (*.pdf)"
        )
        if chosen:
            target = Path(chosen)
            self.handout_to(
                routine_id,
                target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf"),
            )

    def handout_to(self, routine_id: str, target: Path) -> bool:
        """Write routine ``routine_id``'s handout PDF to ``target``."""
        from neuroguide.core.private_files import private_output, write_reason
        from neuroguide.ui.reports.handout import write_handout

        routine = self.screen.routines()[routine_id]
        paths = self.screen.files.paths
        try:  # the app's one writer: 0600, whole or not at all, never onto our own files
            with private_output(target, paths.own_files()) as partial:
                pages = write_handout(
                    routine, partial, paths.illustrations, wheelchair=self.screen.wheelchair()
                )
        except OSError as error:
            self.screen.show_list(f"The handout could not be written ({write_reason(error)}).")
            return False
        self.screen.show_list(
            f"Saved the handout of {routine.name} ({pages} page{'s' if pages != 1 else ''}) "
            f"to {target}. Open it to print it."
        )
        return True

    # ----------------------------------------------------------------- import

    def open_programme(self, path: Path) -> bool:
        """Check a programme file and show what it holds; ``False`` if it cannot be used."""
        try:
            programme = self.screen.files.check_programme(path)
        except ProgrammeError as error:
            lines = "\n".join(error.messages)
            self.screen.show_list(f"{path.name} was not added; nothing was changed:\n{lines}")
            return False
        self.pending = programme
        taken = taken_by(programme, self.screen.routines())
        self.view.show_programme(
            programme.describe(),
            taken.name if taken else None,
            taken_builtin=taken is not None and taken.builtin,
        )
        self.screen.show_page(self.view)
        return True

    def add_pending(self, replace_existing: bool) -> bool:
        """Add the programme on show (replacing only when the person pressed Replace)."""
        programme = self.pending
        if programme is None:
            return False
        try:
            routine = self.screen.files.add_programme(programme, replace_existing=replace_existing)
        except FileExistsError:
            self.screen.show_list("You already have a routine with this id; nothing was added.")
            return False
        except OSError as error:
            self.screen.show_list(f"The programme could not be added ({error.strerror}).")
            return False
        self.pending = None
        self.screen.after_change()
        self.screen.show_list(f"Added {routine.name}. You find it on the home screen.")
        return True
