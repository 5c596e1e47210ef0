"""Importing a file with 60,000 problems in the editor: the first few and a count, at once."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import GuiDriver
from tests.ui.editor.test_editor_screen import open_editor

STEP = '[[steps]]\nexercise = "walk"\nduration = 60\n{keys}'


def test_importing_a_file_with_60000_problems_shows_the_first_few_and_a_count(
    driver: GuiDriver, tmp_path: Path
) -> None:
    editor = open_editor(driver)
    path = tmp_path / "many.toml"
    unknown = "".join(f"k{number} = 1\n" for number in range(600))
    steps = "".join(STEP.format(keys=unknown) for _ in range(100))  # 100 x 600 unknown keys
    path.write_text(f'id = "many"\nname = "Many"\n{steps}')
    assert not editor.import_path(path)
    shown = editor.list_page.message.text()
    assert len(shown.splitlines()) <= 25
    assert "more problems like these" in shown
    assert "many" not in driver.flow.ctx.content.catalog.routines
