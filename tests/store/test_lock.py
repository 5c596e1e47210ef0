"""One instance per data folder; the lock goes away with the process that held it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from neuroguide.store.lock import InstanceLock


def test_second_lock_on_the_same_folder_is_refused_until_released(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path), InstanceLock(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_other_folders_are_independent(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a") as a, InstanceLock(tmp_path / "b") as b:
        assert a.acquire() and b.acquire()


def test_a_lock_left_by_a_dead_process_does_not_block(tmp_path: Path) -> None:
    code = (
        "import os, sys; from pathlib import Path; from neuroguide.store.lock import InstanceLock;"
        f"assert InstanceLock(Path({str(tmp_path)!r})).acquire(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert (tmp_path / "neuroguide.lock").exists()
    lock = InstanceLock(tmp_path)
    assert lock.acquire()
    lock.release()
