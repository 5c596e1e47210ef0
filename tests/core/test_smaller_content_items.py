"""Issue 26 item 7: the smaller things a person noticed, each held by a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.library import Library
from neuroguide.core.preparation import prepare_routine
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.seated import seated_version
from neuroguide.core.speech_plan import Script, ScriptLine, format_script
from neuroguide.core.warm_up import warm_up_note


def test_ride_has_the_same_most_days_schedule_as_the_walk(catalog: RoutineCatalog) -> None:
    ride, walk = catalog.routines["ride"], catalog.routines["walk-or-ride"]
    assert ride.schedule is not None and ride.schedule == walk.schedule
    assert "most days" in ride.description


def test_seated_only_points_a_walk_to_ride(catalog: RoutineCatalog, library: Library) -> None:
    prepared = prepare_routine(
        catalog.routines["walk-or-ride"], library, seated_only=True, gentle_level=None
    )
    assert prepared.routine is None
    assert "'neuroguide play ride'" in prepared.notes[0]


def test_the_calf_raise_gives_one_count_the_one_it_does(library: Library) -> None:
    calf = library.exercises["calf-raise"]
    words = " ".join((calf.summary, *calf.steps))
    assert "10 to 15" not in words  # the routine says 12; the voice counts them


def test_the_dry_run_never_prints_sixty_seconds() -> None:
    script = Script(lines=[ScriptLine(59.96, "show", "Begin.")])
    assert format_script(script) == [" 1:00.0  show  Begin."]


def test_every_built_in_routine_warms_up_before_a_held_stretch(
    catalog: RoutineCatalog, library: Library
) -> None:
    for routine in catalog.ordered():
        assert warm_up_note(routine) == "", routine.id
        version = seated_version(routine, library).routine
        if version is not None:
            assert warm_up_note(version) == "", version.name


def test_check_notes_a_routine_that_starts_with_a_held_stretch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cold.toml"
    path.write_text(
        'id = "cold"\nname = "Cold start"\n\n[[steps]]\nexercise = "calf-stretch"\nhold = 15\n'
    )
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: note: 'Calf stretch' is a held stretch with no warm-up before it" in out
