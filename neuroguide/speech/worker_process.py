"""Starting and ending speech worker processes (for the renderer and one-shot requests).

Each worker runs in its own session, so killing its process group also ends any child it
started, and in its own temporary folder, removed after it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from neuroguide.speech.protocol import TMPDIR_PREFIX

CommandFactory = Callable[[Sequence[str]], list[str]]
"""Builds a worker's command line from its arguments (see ``protocol.worker_command``)."""


def worker_environment(base: Mapping[str, str], tmpdir: str) -> dict[str, str]:
    """The worker's environment: its own temporary folder, and this package importable."""
    env = dict(base)
    env["TMPDIR"] = tmpdir
    source_root = str(Path(__file__).resolve().parents[2])
    parts = [source_root, *(p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p)]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(parts))
    return env


def start_worker_process(
    argv: list[str], base: Mapping[str, str]
) -> tuple[subprocess.Popen[bytes] | None, str, str]:
    """Start a worker in its own session and temporary folder.

    Returns ``(process, tmpdir, "")``, or ``(None, "", why)`` when it could not start (the
    folder is then already removed).
    """
    tmpdir = tempfile.mkdtemp(prefix=TMPDIR_PREFIX)
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=worker_environment(base, tmpdir),
            start_new_session=True,  # so a kill ends it and any child it started together
        )
    except OSError as error:
        shutil.rmtree(tmpdir, ignore_errors=True)
        return None, "", error.strerror or str(error)
    return process, tmpdir, ""


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """End the process and its children (a speaking espeak plays through ``aplay``, a child)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups of this kind
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
