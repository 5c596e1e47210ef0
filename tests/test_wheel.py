"""The wheel (``pip wheel .``) ships every module and resource: installed into a fresh virtual
environment, away from the checkout, its ``neuroguide self-test`` passes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIRTUAL_ENV")}
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "NEUROGUIDE_DATA_DIR"):
        env.pop(key, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def shipped_resources() -> set[str]:
    """resources/ as the wheel must hold it (neuroguide_resources/...), without Python caches."""
    return {
        "neuroguide_resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.mark.timeout(900)
def test_the_wheel_installs_into_a_fresh_venv_and_its_self_test_passes(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    # The build tools come with the test extra (pyproject.toml), so nothing is fetched here.
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        ROOT,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = wheels.glob("neuroguide-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert shipped_resources() - names == set(), "resources missing from the wheel"
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "neuroguide").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules - names == set(), "modules missing from the wheel"
    assert not any(name.startswith("tests/") for name in names)

    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    installed = run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]
    data = tmp_path / "data"
    checked = run(venv / "bin" / "neuroguide", "--data-dir", data, "self-test", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    where = run(
        venv / "bin" / "python", "-c", "import neuroguide; print(neuroguide.__file__)", cwd=tmp_path
    )
    assert where.stdout.strip().startswith(str(venv)), "the installed copy, not the checkout"
