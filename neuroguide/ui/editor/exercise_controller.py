"""What the "New exercise" page's buttons do: check the form like a file, copy the picture in
(scaled), save ``<data dir>/exercises/ID.toml``, reload, and go back where the person was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtGui import QImage

from neuroguide.content.own_exercises import save_exercise
from neuroguide.core.exercise_form import check_form
from neuroguide.core.library import Exercise
from neuroguide.core.pictures import (
    FIGURES,
    MAX_PICTURE_BYTES,
    MAX_TOTAL_PIXELS,
    PICTURE_TYPES,
    image_problem,
    no_files,
)
from neuroguide.core.routine_writer import make_id
from neuroguide.core.svg_size import SvgSizeError, svg_size
from neuroguide.ui.common.file_chooser import open_file_name
from neuroguide.ui.editor.exercise_view import ExerciseEditView

if TYPE_CHECKING:
    from neuroguide.content.routines import RoutineFiles

MAX_SIDE = 1200
"""A picture larger than this (in pixels, either side) is scaled down when copied in."""


def scaled_picture(path: Path) -> tuple[tuple[str, bytes] | None, str]:
    """``((suffix, bytes), "")`` for a picture file to copy in, or ``(None, what is wrong)``."""
    suffix = path.suffix.lower()
    if suffix not in PICTURE_TYPES:
        return None, f"{path.name} is not a PNG, JPEG or SVG picture."
    try:
        if path.stat().st_size > MAX_PICTURE_BYTES:
            return None, f"{path.name} is larger than 5 MB; choose a smaller picture."
        data = path.read_bytes()
    except OSError as error:
        return None, f"{path.name} cannot be read ({error.strerror})."
    problem = image_problem(path.name, data)
    if problem:
        return None, problem[0].upper() + problem[1:] + "."
    if suffix == ".svg":  # drawn to fit, never scaled: but a programme counts its pixels
        try:
            width, height = svg_size(data)
        except SvgSizeError as error:
            return None, f"{path.name} cannot be used: {error}."
        if width * height > MAX_TOTAL_PIXELS:
            return None, (
                f"{path.name} says it is {width:,} × {height:,} pixels; a shared programme "
                f"holds at most {MAX_TOTAL_PIXELS // 1_000_000} million. Choose a smaller one."
            )
        return (suffix, data), ""
    image = QImage.fromData(data)
    if image.isNull():
        return None, f"{path.name} could not be read as a picture."
    if max(image.width(), image.height()) <= MAX_SIDE:
        return (suffix, data), ""
    image = image.scaled(
        MAX_SIDE,
        MAX_SIDE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return (".png", bytes(QByteArray(buffer.data()).data())), ""


class ExerciseController(QObject):
    """Runs the exercise page for the editor; ``done`` is called with the saved exercise id
    (or ``None`` after Cancel)."""

    def __init__(
        self, view: ExerciseEditView, files: RoutineFiles, done: Callable[[str | None], None]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.files = files
        self.done = done
        self.editing: Exercise | None = None
        self.picture: tuple[str, bytes] | None = None
        view.save_requested.connect(self.save)
        view.cancel_requested.connect(lambda: self.done(None))
        view.image_requested.connect(self.ask_image)

    def start(self, exercise: Exercise | None = None) -> None:
        """A new exercise, or changing one of the person's own."""
        self.editing = exercise
        self.picture = None
        self.view.show_exercise(exercise)

    def ask_image(self) -> None:
        """Ask for a picture file, then take it."""
        chosen = open_file_name(
            self.view, "Choose a picture", str(Path.home()), "Pictures (*.png *.jpg *.jpeg *.svg)"
        )
        if chosen:
            self.use_image(Path(chosen))

    def use_image(self, path: Path) -> bool:
        """Check and scale a picture file; show it, or say what is wrong with it."""
        picture, problem = scaled_picture(path)
        if picture is None:
            self.view.show_problems([problem])
            return False
        self.picture = picture
        self.view.set_image(path)
        self.view.show_problems([])
        return True

    def save(self) -> bool:
        """Check the form as a file would be checked; save and reload if all is well."""
        table = self.view.table()
        library = self.files.content.library.exercises
        if self.editing is not None:
            table["id"] = self.editing.id
        else:
            table["id"] = make_id(str(table.get("name", "")), set(library)) or "my-exercise"
        kept = self.editing.picture if self.editing else ""
        if "picture" not in table and self.picture is None and kept and kept not in FIGURES:
            table["picture"] = kept
        builtin = [key for key, value in library.items() if not value.own]
        if self.picture is None and table.get("picture") not in (None, *FIGURES):
            exercise, problems = check_form(
                {**table, "picture": "seated"}, builtin, no_files
            )  # the kept file picture is checked when the file loads again
            if exercise is not None:
                exercise = _with_kept_picture(exercise, str(table["picture"]))
        else:
            exercise, problems = check_form(table, builtin, no_files)
        if exercise is None:
            self.view.show_problems(problems)
            return False
        if self.picture is None and self.view.picture.value not in FIGURES and not kept:
            self.view.show_problems(["Choose a picture file, or one of the figures."])
            return False
        try:
            save_exercise(self.files.paths, exercise, self.picture)
        except OSError as error:
            self.view.show_problems([f"The exercise could not be saved ({error.strerror})."])
            return False
        self.files.reload()
        self.done(exercise.id)
        return True


def _with_kept_picture(exercise: Exercise, picture: str) -> Exercise:
    from dataclasses import replace

    return replace(exercise, picture=picture)
