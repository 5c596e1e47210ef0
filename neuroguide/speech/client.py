"""The speaker the app uses: cues go to a worker process, and the caller never waits.

``say`` and ``interrupt`` only take a short lock, decide, and write one line to a pipe (or
send a kill signal); starting workers, reading their replies and watching for hangs happen on
background threads. So the GUI thread never waits on speech.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.cues import Cue
from neuroguide.speech.messages import problem_message
from neuroguide.speech.policy import LATE_LIMIT, CueSlots
from neuroguide.speech.protocol import (
    TMPDIR_PREFIX,
    VoiceSettings,
    decode,
    default_driver,
    encode,
    worker_command,
)

READY_TIMEOUT = 10.0
"""Seconds a new worker may take to report ready before it counts as hung."""
MAX_FAILURES = 3
"""Crashes or hangs after which the voice switches itself off."""

CommandFactory = Callable[[Sequence[str]], list[str]]


class SpeechStatus(StrEnum):
    """Whether the voice works: starting up, ready, or switched off (see ``problem``)."""

    STARTING = "starting"
    READY = "ready"
    OFF = "off"


@dataclass
class _Worker:
    """One worker process and what the speaker knows about it."""

    process: subprocess.Popen[bytes]
    tmpdir: str
    started: float
    ready: bool = False
    killed: bool = False
    unavailable: bool = False
    request: int = 0
    deadline: float | None = None


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
            start_new_session=True,  # so an interrupt can end it and its aplay child together
        )
    except OSError as error:
        shutil.rmtree(tmpdir, ignore_errors=True)
        return None, "", error.strerror or str(error)
    return process, tmpdir, ""


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """End the process and its children (espeak plays through ``aplay``, a child)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups of this kind
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


class WorkerSpeaker:
    """Says cues through a speech worker process without ever blocking the caller.

    Args:
        voice: the voice, rate and volume.
        clock: the session's clock; a cue's lateness is ``clock.now() - cue.at``.
        on_problem: called once, from a background thread, with a plain message when the
            voice switches itself off. A Qt caller should emit a signal from it.
        on_sent: called (from any thread) with each cue as it is written to the worker.
        driver: the pyttsx3 driver (default: :func:`default_driver`); a driver that does not
            exist behaves like a missing speech library.
        command: builds the worker's command line (see :func:`worker_command`).
        env: the worker's base environment (default: this process's).
        hang_slack, hang_grace: a cue counts as hung after ``slack`` times its expected
            speaking time plus ``grace`` seconds.
    """

    def __init__(
        self,
        voice: VoiceSettings | None = None,
        *,
        clock: Clock | None = None,
        on_problem: Callable[[str], None] | None = None,
        on_sent: Callable[[Cue], None] | None = None,
        driver: str | None = None,
        command: CommandFactory = worker_command,
        env: Mapping[str, str] | None = None,
        late_limit: float = LATE_LIMIT,
        max_failures: int = MAX_FAILURES,
        ready_timeout: float = READY_TIMEOUT,
        hang_slack: float = 3.0,
        hang_grace: float = 5.0,
    ) -> None:
        self._voice = voice or VoiceSettings()
        self._clock = clock or MonotonicClock()
        self.on_problem = on_problem
        """Called once when the voice switches itself off; may be set after construction."""
        self._on_sent = on_sent
        self._env = dict(os.environ if env is None else env)
        self._driver = default_driver(self._env) if driver is None else driver
        self._command = command
        self._max_failures = max_failures
        self._ready_timeout = ready_timeout
        self._hang_slack = hang_slack
        self._hang_grace = hang_grace
        self._cond = threading.Condition()
        self._slots = CueSlots(late_limit)
        self._worker: _Worker | None = None
        self._spawned = 0
        self._readers: list[threading.Thread] = []
        self._closed = False
        self._failures = 0
        self._status = SpeechStatus.STARTING
        self._problem: str | None = None
        self._notices: list[Callable[[], None]] = []
        self._supervisor = threading.Thread(
            target=self._supervise, name="speech-supervisor", daemon=True
        )
        self._supervisor.start()

    # ------------------------------------------------------------------ public

    @property
    def status(self) -> SpeechStatus:
        """Starting, ready or off."""
        return self._status

    @property
    def problem(self) -> str | None:
        """Why the voice is off, in plain words; ``None`` while it works."""
        return self._problem

    @property
    def speaking(self) -> bool:
        """Whether a cue is in flight, waiting, or waiting for a worker to get ready."""
        with self._cond:
            worker_ready = self._worker is not None and self._worker.ready
            busy = self._slots.in_flight is not None or self._slots.waiting is not None
            return busy or not worker_ready

    @property
    def slots(self) -> CueSlots:
        """The in-flight and waiting cues (for tests and diagnostics)."""
        return self._slots

    @property
    def restarts(self) -> int:
        """Workers started after the first one (interrupts and failures)."""
        return max(0, self._spawned - 1)

    def say(self, cue: Cue) -> None:
        """Queue ``cue``; returns at once. It may be dropped (see :mod:`.policy`)."""
        with self._cond:
            if self._closed or self._status is SpeechStatus.OFF:
                return
            self._slots.offer(cue, self._clock.now())
            self._dispatch()
        self._flush_notices()

    def interrupt(self) -> None:
        """Silence the voice now and forget what waits; a fresh worker starts in background."""
        with self._cond:
            worker = self._worker
            speaking = self._slots.in_flight is not None
            self._slots.clear()
            if worker is not None and speaking:
                self._kill(worker)
                self._cond.notify_all()

    def configure(self, voice: VoiceSettings) -> None:
        """Use another voice, rate or volume from the next utterance on."""
        with self._cond:
            self._voice = voice
            worker = self._worker
            if worker is not None and worker.ready:
                self._write(
                    worker,
                    {
                        "op": "configure",
                        "voice": voice.voice_id,
                        "rate": voice.rate,
                        "volume": voice.volume,
                    },
                )
        self._flush_notices()

    def close(self) -> None:
        """Stop the worker; the speaker says nothing more."""
        with self._cond:
            self._closed = True
            self._slots.clear()
            if self._worker is not None:
                self._kill(self._worker)
            self._cond.notify_all()
        end = time.monotonic() + 2.0
        for thread in [self._supervisor, *self._readers]:
            thread.join(timeout=max(0.0, end - time.monotonic()))

    def wait_for(self, condition: Callable[[], bool], timeout: float, poll: float = 0.05) -> bool:
        """Block until ``condition()`` holds, checked when the speaker's state changes and
        every ``poll`` seconds (for conditions outside the speaker).

        For the terminal player, tests and benchmarks; never call it from a GUI thread.
        """
        end = time.monotonic() + timeout
        with self._cond:
            while not condition():
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, poll))
        return True

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until nothing is in flight or waiting, or the voice is off."""
        return self.wait_for(
            lambda: (
                self._closed
                or self._status is SpeechStatus.OFF
                or (self._slots.in_flight is None and self._slots.waiting is None)
            ),
            timeout,
        )

    def wait_until_ready(self, timeout: float) -> bool:
        """Block until a worker is ready; False if the voice went off or time ran out."""
        self.wait_for(
            lambda: (
                self._closed
                or self._status is SpeechStatus.OFF
                or (self._worker is not None and self._worker.ready)
            ),
            timeout,
        )
        with self._cond:
            return self._worker is not None and self._worker.ready

    # ---------------------------------------------------------- under the lock

    def _dispatch(self) -> None:
        worker = self._worker
        if worker is None or not worker.ready or worker.killed:
            return
        cue = self._slots.take(self._clock.now())
        if cue is None:
            return
        worker.request += 1
        words = max(1, len(cue.text.split()))
        speaking = words * 60.0 / max(40, self._voice.rate) + 1.0
        worker.deadline = time.monotonic() + self._hang_slack * speaking + self._hang_grace
        sent = self._write(worker, {"op": "say", "id": worker.request, "text": cue.text})
        if sent and self._on_sent is not None:
            self._on_sent(cue)
        self._cond.notify_all()

    def _write(self, worker: _Worker, message: dict[str, Any]) -> bool:
        stdin = worker.process.stdin
        assert stdin is not None
        try:
            os.write(stdin.fileno(), encode(message))
        except OSError:  # broken pipe, or a full one: the worker is dead or stuck
            self._fail(worker, "crash")
            return False
        return True

    def _kill(self, worker: _Worker) -> None:
        worker.killed = True
        kill_group(worker.process)
        if worker is self._worker:
            self._worker = None
            self._slots.finish()

    def _fail(self, worker: _Worker, kind: str) -> None:
        if worker is not self._worker:
            return
        self._kill(worker)
        self._failures += 1
        if self._failures >= self._max_failures:
            self._switch_off(problem_message(kind))
        self._cond.notify_all()

    def _switch_off(self, message: str) -> None:
        if self._status is SpeechStatus.OFF:
            return
        self._status = SpeechStatus.OFF
        self._problem = message
        self._slots.clear()
        if self._worker is not None:
            self._kill(self._worker)
        self._notices.append(lambda: self._tell(message))
        self._cond.notify_all()

    def _on_message(self, worker: _Worker, message: dict[str, Any]) -> None:
        event = message.get("event")
        if event == "ready":
            worker.ready = True
            if self._status is SpeechStatus.STARTING:
                self._status = SpeechStatus.READY
            self._dispatch()
        elif event == "done" and message.get("id") == worker.request:
            worker.deadline = None
            self._failures = 0
            self._slots.finish()
            self._dispatch()
        elif event == "unavailable":
            worker.unavailable = True
            reason = str(message.get("reason", ""))
            self._switch_off(problem_message(reason, str(message.get("detail", ""))))
        self._cond.notify_all()

    def _tell(self, message: str) -> None:
        if self.on_problem is not None:
            self.on_problem(message)

    def _flush_notices(self) -> None:
        with self._cond:
            notices, self._notices = self._notices, []
        for notice in notices:
            notice()

    # ---------------------------------------------------------------- threads

    def _supervise(self) -> None:
        """Start workers when needed and kill those that stop answering."""
        with self._cond:
            while not self._closed and self._status is not SpeechStatus.OFF:
                if self._worker is None:
                    self._start_worker()
                    continue
                timeout = self._check_deadlines(self._worker, time.monotonic())
                self._cond.wait(timeout)
        self._flush_notices()

    def _start_worker(self) -> None:
        """Spawn outside the lock, so ``say`` and ``interrupt`` never wait for a fork."""
        command = self._command(["--driver", self._driver, *self._voice.as_arguments()])
        self._cond.release()
        try:
            worker, error = self._spawn(command)
        finally:
            self._cond.acquire()
        if worker is None:
            self._switch_off(problem_message("cannot-start", error))
            return
        self._spawned += 1
        self._worker = worker
        reader = threading.Thread(
            target=self._read, args=(worker,), name="speech-reader", daemon=True
        )
        self._readers = [thread for thread in self._readers if thread.is_alive()]
        self._readers.append(reader)
        reader.start()
        self._cond.notify_all()
        if self._closed:
            self._kill(worker)

    def _spawn(self, command: list[str]) -> tuple[_Worker | None, str]:
        process, tmpdir, why = start_worker_process(command, self._env)
        if process is None:
            return None, why
        assert process.stdin is not None
        os.set_blocking(process.stdin.fileno(), False)
        return _Worker(process=process, tmpdir=tmpdir, started=time.monotonic()), ""

    def _check_deadlines(self, worker: _Worker, now: float) -> float | None:
        """Kill a worker past its deadline; return the seconds until the next one."""
        if not worker.ready:
            deadline: float | None = worker.started + self._ready_timeout
        else:
            deadline = worker.deadline
        if deadline is None:
            return None
        if now >= deadline:
            self._fail(worker, "hang")
            return 0.0
        return deadline - now

    def _read(self, worker: _Worker) -> None:
        """Handle one worker's replies; when it ends, reap it and tidy its folder."""
        stdout = worker.process.stdout
        assert stdout is not None
        for line in stdout:
            message = decode(line)
            if message is None:
                continue
            with self._cond:
                if worker is self._worker:
                    self._on_message(worker, message)
            self._flush_notices()
        with contextlib.suppress(OSError):
            stdout.close()
        if worker.process.stdin is not None:
            with contextlib.suppress(OSError):
                worker.process.stdin.close()
        worker.process.wait()
        shutil.rmtree(worker.tmpdir, ignore_errors=True)
        with self._cond:
            if worker is self._worker and not worker.killed and not worker.unavailable:
                self._fail(worker, "crash")
            elif worker is self._worker:
                self._worker = None
            self._cond.notify_all()
        self._flush_notices()
