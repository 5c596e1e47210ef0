"""The routine editor: list, routine, step and library pages, and what their buttons do.

The routine being edited is a draft (a frozen Routine) replaced on every press; nothing is
written until Save. Saving writes a routine file through :class:`RoutineFiles`, reloads the
catalog and refreshes the home screen, so the routine is there at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from neuroguide.content.programme import SUFFIX
from neuroguide.content.routines import RoutineFiles
from neuroguide.core.library import Routine, Step
from neuroguide.core.private_files import write_reason
from neuroguide.core.routine_file import MAX_NAME
from neuroguide.core.routine_writer import (
    add_step,
    clean_name,
    copy_routine,
    make_id,
    move_step,
    new_routine,
    remove_step,
    set_step,
)
from neuroguide.present.metrics import Metrics
from neuroguide.present.routine_words import heard_words
from neuroguide.ui.common.file_chooser import open_file_name, save_file_name
from neuroguide.ui.editor.exercise_controller import ExerciseController
from neuroguide.ui.editor.exercise_view import ExerciseEditView
from neuroguide.ui.editor.picker import ExercisePicker
from neuroguide.ui.editor.programme_actions import ProgrammeActions
from neuroguide.ui.editor.programme_view import ProgrammeView
from neuroguide.ui.editor.routine_list import EditorListView
from neuroguide.ui.editor.routine_view import RoutineEditView
from neuroguide.ui.editor.step_view import StepEditView

if TYPE_CHECKING:
    from neuroguide.ui.context import AppContext, Home

POSITION_WORDS = {"standing": "standing", "seated": "seated", "mixed": "standing and seated"}


class EditorScreen(QStackedWidget):
    """The routine editor as one screen of the main window.

    Signals:
        routines_changed: a routine was saved, imported or deleted (the home screen refreshes).
    """

    routines_changed = Signal()

    def __init__(self, ctx: AppContext, home: Home, files: RoutineFiles) -> None:
        super().__init__()
        self.setAccessibleName("Routine editor")
        self.ctx = ctx
        self.home = home
        self.files = files
        self._listed: tuple[int, list[Routine]] = (-1, [])
        """The get-ready seconds and the routines the list shows (rebuilt when they change)."""
        metrics = ctx.metrics
        illustrations = files.paths.illustrations
        self.list_page = EditorListView(metrics)
        self.routine_page = RoutineEditView(metrics)
        self.step_page = StepEditView(metrics, illustrations)
        library = ctx.content.library.exercises.values()
        self.picker = ExercisePicker(metrics, list(library), illustrations)
        self.exercise_page = ExerciseEditView(metrics, illustrations)
        self.programme_page = ProgrammeView(metrics)
        for page in (
            self.list_page,
            self.routine_page,
            self.step_page,
            self.picker,
            self.exercise_page,
            self.programme_page,
        ):
            self.addWidget(page)
        self.exercises = ExerciseController(self.exercise_page, files, self._exercise_done)
        self.programmes = ProgrammeActions(self, self.programme_page)
        self.draft: Routine | None = None
        self._name_text = ""
        self._saved = False
        """Whether the draft already has a file (its id then never changes)."""
        self._step_index = -1
        self._connect()
        self.show_list()

    def _connect(self) -> None:
        lists, edit, step, picker = self.list_page, self.routine_page, self.step_page, self.picker
        lists.back_requested.connect(self.home.go_home)
        lists.new_requested.connect(self.new)
        lists.import_requested.connect(self.ask_import)
        lists.edit_requested.connect(self.edit)
        lists.duplicate_requested.connect(self.duplicate)
        lists.export_requested.connect(self.ask_export)
        lists.delete_requested.connect(self.delete)
        lists.share_requested.connect(lambda rid: self.programmes.ask_share(rid))
        lists.handout_requested.connect(lambda rid: self.programmes.ask_handout(rid))
        lists.new_exercise_requested.connect(lambda: self.new_exercise())
        picker.new_exercise_requested.connect(lambda: self.new_exercise())
        picker.change_requested.connect(self.change_exercise)
        edit.name_edited.connect(self._name_edited)
        edit.handout_edited.connect(self._handout_edited)
        edit.add_requested.connect(self.show_picker)
        edit.change_requested.connect(self.change_step)
        edit.move_requested.connect(lambda index, offset: self._edit(move_step, index, offset))
        edit.remove_requested.connect(lambda index: self._edit(remove_step, index))
        edit.save_requested.connect(self.save)
        edit.schedule.schedule_changed.connect(self._schedule_changed)
        edit.cancel_requested.connect(self.show_list)
        step.step_changed.connect(self._step_changed)
        step.done_requested.connect(self._back_to_routine)
        picker.chosen.connect(self.add)
        picker.back_requested.connect(self._back_to_routine)

    # ----------------------------------------------------------------- pages

    def show_list(self, message: str = "") -> None:
        """The list of routines, with what the last action did."""
        self.draft = None
        routines = self.ctx.content.catalog.ordered()
        listed = (self.ctx.settings.settings.get_ready_seconds, routines)
        if listed[0] != self._listed[0] or not _same(routines, self._listed[1]):
            # Only when the routines changed: each row's length is the whole routine as heard,
            # and working those out again took longer than a failed import itself.
            self.list_page.show_routines([(routine, self._facts(routine)) for routine in routines])
            self._listed = listed
        self.list_page.tell(message)
        self.setCurrentWidget(self.list_page)

    def show_picker(self) -> None:
        """The library, filtered for the seated profile when it is on."""
        self.picker.set_seated_only(self.ctx.settings.settings.seated_only)
        self.setCurrentWidget(self.picker)

    def _show_draft(self) -> None:
        assert self.draft is not None
        self.routine_page.show_routine(self.draft, name_text=self._name_text)
        self.routine_page.show_name_problem("")
        self.setCurrentWidget(self.routine_page)

    def _back_to_routine(self) -> None:
        assert self.draft is not None
        self.routine_page.show_routine(self.draft)
        self.setCurrentWidget(self.routine_page)

    # ----------------------------------------------------------------- actions

    def new(self) -> None:
        """Start an empty routine."""
        self._start(new_routine("", "My routine"), saved=False)

    def edit(self, routine_id: str) -> None:
        """Edit (or rename) one of the person's own routines."""
        routine = self.ctx.content.catalog.routines[routine_id]
        if routine.builtin:
            self.duplicate(routine_id)
            return
        self._start(routine, saved=True)

    def duplicate(self, routine_id: str) -> None:
        """Start a copy of any routine, named as a copy."""
        routine = self.ctx.content.catalog.routines[routine_id]
        name = f"{routine.name} (my copy)"[:MAX_NAME]
        self._start(copy_routine(routine, "", name), saved=False)

    def new_exercise(self) -> None:
        """The "New exercise" page (from the list, or from the picker while editing)."""
        self.exercises.start(None)
        self.setCurrentWidget(self.exercise_page)

    def change_exercise(self, exercise_id: str) -> None:
        """Change one of the person's own exercises."""
        self.exercises.start(self.ctx.content.library.exercises[exercise_id])
        self.setCurrentWidget(self.exercise_page)

    def _exercise_done(self, exercise_id: str | None) -> None:
        self.picker.set_exercises(list(self.ctx.content.library.exercises.values()))
        if exercise_id is not None:
            self.after_change()
        if self.draft is None:
            name = self.ctx.content.library.exercises[exercise_id].name if exercise_id else ""
            self.show_list(f"Saved {name}. Add it to a routine from here." if name else "")
        elif exercise_id is not None and self.exercises.editing is None:
            self.add(exercise_id)
        else:
            self.show_picker()

    def _start(self, routine: Routine, *, saved: bool) -> None:
        self.draft = routine
        self._name_text = routine.name
        self._saved = saved
        self._show_draft()

    def add(self, exercise_id: str) -> None:
        """Add an exercise from the library at the end, then show the routine."""
        assert self.draft is not None
        exercise = self.ctx.content.library.exercises[exercise_id]
        self.draft = add_step(self.draft, exercise, self.ctx.settings.settings.default_rest)
        self._back_to_routine()

    def change_step(self, index: int) -> None:
        """Open the step page for step ``index``."""
        assert self.draft is not None
        self._step_index = index
        self.step_page.show_step(self.draft.steps[index])
        self.setCurrentWidget(self.step_page)

    def _step_changed(self, step: Step) -> None:
        assert self.draft is not None
        self.draft = set_step(self.draft, self._step_index, step)

    def _edit(self, change: object, *args: int) -> None:
        assert self.draft is not None and callable(change)
        self.draft = change(self.draft, *args)
        self.routine_page.show_routine(self.draft)

    def _schedule_changed(self, schedule: object) -> None:
        if self.draft is not None:
            self.draft = replace(self.draft, schedule=schedule)  # type: ignore[arg-type]

    def _handout_edited(self, details: object) -> None:
        if self.draft is not None:
            self.draft = replace(self.draft, handout=details)  # type: ignore[arg-type]

    def _name_edited(self, text: str) -> None:
        self._name_text = text
        _name, problem = clean_name(text)
        self.routine_page.show_name_problem(problem)

    def save(self) -> bool:
        """Write the draft as a routine file; ``False`` (and a message) if it cannot be."""
        assert self.draft is not None
        name, problem = clean_name(self._name_text)
        if name is None:
            self.routine_page.show_name_problem(problem)
            return False
        routine = replace(self.draft, name=name)
        if not self._saved:
            taken = set(self.ctx.content.catalog.routines)
            routine = replace(routine, id=make_id(name, taken), origin="")
        try:
            self.files.save(routine)
        except OSError as error:
            self.routine_page.show_name_problem(
                f"The routine could not be saved ({error.strerror}). Nothing was lost: "
                "press Save again, or free some space first."
            )
            return False
        self._after_change()
        self.show_list(f"Saved {name}. You find it on the home screen.")
        return True

    def delete(self, routine_id: str) -> None:
        """Delete one of the person's own routines."""
        routine = self.ctx.content.catalog.routines[routine_id]
        try:
            self.files.delete(routine)
        except OSError as error:
            self.show_list(f"{routine.name} could not be deleted ({error.strerror}).")
            return
        self._after_change()
        self.show_list(f"Deleted {routine.name}.")

    def import_path(self, path: Path) -> bool:
        """Import the routine file at ``path``; problems are shown as ``neuroguide check`` does.

        A shared programme (``.neuroguide``) is shown first and added on a second press.
        """
        if path.suffix == SUFFIX:
            return self.programmes.open_programme(path)
        result = self.files.import_file(path)
        if result.routine is None:
            lines = "\n".join(result.messages)
            self.show_list(f"{path.name} was not imported. Fix these lines and try again:\n{lines}")
            return False
        self._after_change()
        self.show_list(f"Imported {result.routine.name}. You find it on the home screen.")
        return True

    def export_to(self, routine_id: str, path: Path) -> bool:
        """Write routine ``routine_id`` to ``path``."""
        routine = self.ctx.content.catalog.routines[routine_id]
        try:
            self.files.export(routine, path)
        except OSError as error:
            self.show_list(f"{path} could not be written ({write_reason(error)}).")
            return False
        self.show_list(f"Saved {routine.name} to {path}.")
        return True

    def ask_import(self) -> None:
        """Ask for a routine file, then import it."""
        chosen = open_file_name(
            self,
            "Import a routine file",
            str(Path.home()),
            f"Routines and programmes (*.toml *{SUFFIX})",
        )
        if chosen:
            self.import_path(Path(chosen))

    def ask_export(self, routine_id: str) -> None:
        """Ask where to save, then export."""
        suggested = str(Path.home() / f"{routine_id}.toml")
        chosen = save_file_name(self, "Export a routine", suggested, "Routine files (*.toml)")
        if chosen:
            self.export_to(routine_id, Path(chosen))

    # ----------------------------------------------------------------- the rest

    def routines(self) -> dict[str, Routine]:
        """Every routine by id, built-in and own."""
        return self.ctx.content.catalog.routines

    def show_page(self, page: QWidget) -> None:
        """Show one of the editor's pages."""
        self.setCurrentWidget(page)

    def after_change(self) -> None:
        """Refresh the home screen and tell others the routines changed."""
        self.home.refresh()
        self.routines_changed.emit()

    _after_change = after_change

    def wheelchair(self) -> bool:
        """Whether the settings say "I use a wheelchair" (the handout prints those words)."""
        return self.ctx.settings.settings.wheelchair

    def _facts(self, routine: Routine) -> str:
        length = heard_words(routine, get_ready=self.ctx.settings.settings.get_ready_seconds)
        steps = len(routine.steps)
        position = POSITION_WORDS.get(routine.position, routine.position)
        return f"{length} · {steps} exercise{'s' if steps != 1 else ''} · {position}"

    def set_metrics(self, metrics: Metrics) -> None:
        """Pass the mode on to every page."""
        for page in (
            self.list_page,
            self.routine_page,
            self.step_page,
            self.picker,
            self.exercise_page,
            self.programme_page,
        ):
            page.set_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Keys go to the page on show (Escape goes back a page)."""
        from PySide6.QtCore import Qt

        page: QWidget | None = self.currentWidget()
        handler = getattr(page, "handle_key", None)
        if handler is not None:
            return bool(handler(key))
        if key == Qt.Key.Key_Escape:
            if page is self.routine_page:
                self.show_list()
            else:
                self.home.go_home()
            return True
        return False


def _same(routines: list[Routine], shown: list[Routine]) -> bool:
    """Whether these are the very routines shown (a reload makes new ones)."""
    return len(routines) == len(shown) and all(a is b for a, b in zip(routines, shown, strict=True))
