"""Single requests to a short-lived worker: list the voices, render speech to a WAV file.

These wait for the answer, so they are for the command line, tests and background jobs,
never for the GUI thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neuroguide.speech import natural
from neuroguide.speech.messages import problem_message
from neuroguide.speech.protocol import (
    VoiceSettings,
    decode,
    default_driver,
    encode,
    worker_command,
)
from neuroguide.speech.worker_process import CommandFactory, kill_group, start_worker_process

TIMEOUT = 30.0


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers: ``id`` goes into the settings, ``name`` is for people."""

    id: str
    name: str
    languages: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class WorkerAnswer:
    """What a short-lived worker replied, or why it could not."""

    messages: list[dict[str, Any]]
    problem: str | None = None


def ask_worker(
    requests: Sequence[dict[str, Any]],
    *,
    voice: VoiceSettings | None = None,
    driver: str | None = None,
    command: CommandFactory = worker_command,
    env: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> WorkerAnswer:
    """Start a worker, send ``requests`` then ``quit``, and collect every reply."""
    settings = voice or VoiceSettings()
    base = os.environ if env is None else env
    chosen = default_driver(base) if driver is None else driver
    argv = command(["--driver", chosen, *settings.as_arguments()])
    lines = b"".join(encode(r) for r in [*requests, {"op": "quit"}])
    process, tmpdir, why = start_worker_process(argv, base)
    if process is None:
        return WorkerAnswer([], problem_message("cannot-start", why))
    try:
        output, _ = process.communicate(lines, timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        process.communicate()
        return WorkerAnswer([], problem_message("hang"))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    messages = [m for m in map(decode, output.splitlines()) if m is not None]
    for message in messages:
        if message.get("event") == "unavailable":
            reason = str(message.get("reason", ""))
            return WorkerAnswer(messages, problem_message(reason, str(message.get("detail", ""))))
    if not any(m.get("event") == "ready" for m in messages):
        return WorkerAnswer(messages, problem_message("crash"))
    return WorkerAnswer(messages)


def list_voices(**options: Any) -> tuple[list[Voice], str | None]:
    """Every voice: the natural voices installed first, then espeak-ng's (its default voice
    first, as ``espeak-ng``); or an empty list and the reason there are none.

    Without espeak-ng, the natural voices alone are listed (and no reason is given).
    """
    voices = [Voice(v.id, v.name, v.languages) for v in natural.installed()]
    espeak, problem = list_espeak_voices(**options)
    if problem:
        return (voices, None) if voices else ([], problem)
    standard = Voice(natural.ESPEAK_VOICE, "The espeak-ng voice (always there)", ("en",))
    return [*voices, standard, *espeak], None


def list_espeak_voices(**options: Any) -> tuple[list[Voice], str | None]:
    """espeak-ng's voices, or an empty list and the reason there are none."""
    answer = ask_worker([{"op": "voices"}], **options)
    if answer.problem:
        return [], answer.problem
    for message in answer.messages:
        if message.get("event") == "voices":
            voices = [
                Voice(
                    id=str(v.get("id", "")),
                    name=str(v.get("name", "")),
                    languages=tuple(str(x) for x in v.get("languages", [])),
                )
                for v in message.get("voices", [])
            ]
            return voices, None
    return [], problem_message("crash")


def render_to_wav(text: str, path: str, **options: Any) -> str | None:
    """Write ``text`` as speech to ``path``; returns the reason if it could not."""
    answer = ask_worker([{"op": "render", "id": 1, "text": text, "path": path}], **options)
    if answer.problem:
        return answer.problem
    if not any(m.get("event") == "done" and m.get("id") == 1 for m in answer.messages):
        return problem_message("crash")
    return None
