"""The one seam sound leaves through: a command that plays a WAV file (``aplay`` by default).

``NEUROGUIDE_AUDIO_COMMAND`` replaces it (the file's path is added as the last argument), so a
test or benchmark stands in for the sound card and sees when each clip starts and how long it
lasts. A watchdog thread per clip reports a player that hangs (still running a couple of
seconds after its clip should have ended: it is killed) or fails (exits with an error or a
signal nobody sent), so a broken sound path is told to the person within seconds.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path

AUDIO_VARIABLE = "NEUROGUIDE_AUDIO_COMMAND"
DEFAULT_COMMAND = ("aplay", "-q")
HANG_GRACE = 2.0
"""Seconds a player may run past its clip's length before it counts as hung."""

FaultHandler = Callable[[str, str], None]
"""Called with ``("hang" | "crash" | "missing", detail)`` from a background thread."""


def audio_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The player command: ``NEUROGUIDE_AUDIO_COMMAND`` split like a shell would, or aplay."""
    env = os.environ if environ is None else environ
    chosen = env.get(AUDIO_VARIABLE, "").strip()
    return shlex.split(chosen) if chosen else list(DEFAULT_COMMAND)


GATE = 'IFS= read -r clip || exit 0; exec "$@" "$clip"'
"""A shell that waits for a clip's path on its standard input, then becomes the player: started
ahead of time, so a clip starts without forking the app at its moment."""
NOT_FOUND = (126, 127)
"""The shell's exit statuses for a player that cannot be run."""


class AudioOut:
    """Plays one clip at a time; ``on_end(token)`` is called (from a background thread) when a
    clip ends by itself, never for a clip that :meth:`stop` cut short.

    A player process is kept waiting (:data:`GATE`) for the next clip, so starting a clip is
    one short write to a pipe; every process start happens on the audio thread, never on the
    caller's (the GUI's event loop).

    Args:
        command: the player and its options (default :func:`audio_command`).
        on_end: called with the token :meth:`play` returned once that clip has ended.
        on_fault: called when the player hangs, fails or cannot be found.
        hang_grace: see :data:`HANG_GRACE`.
    """

    def __init__(
        self,
        command: list[str] | None = None,
        *,
        on_end: Callable[[int], None] | None = None,
        on_fault: FaultHandler | None = None,
        hang_grace: float = HANG_GRACE,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.command = command if command is not None else audio_command(env)
        self.on_end = on_end
        self.on_fault = on_fault
        self.hang_grace = hang_grace
        self._env = dict(os.environ if env is None else env)
        self._lock = threading.Condition()
        self._current: tuple[int, subprocess.Popen[bytes]] | None = None
        self._gate: subprocess.Popen[bytes] | None = None
        self._jobs: deque[tuple[int, Path, float, subprocess.Popen[bytes] | None]] = deque()
        self._wanted: int | None = None
        self._stopped: set[int] = set()
        self._token = 0
        self._closed = False
        self._gates_broken = False
        self._watchers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._audio_loop, name="audio", daemon=True)
        self._thread.start()

    def play(self, path: Path, seconds: float) -> int:
        """Start playing ``path`` (lasting ``seconds``) now and return its token.

        A player that cannot start is reported through ``on_fault``; its clip ends at once.
        """
        with self._lock:
            previous = self._stop_locked()
            self._token += 1
            token = self._token
            self._wanted = token
            gate, self._gate = self._gate, None
            if gate is not None and _release(gate, path):
                self._current = (token, gate)
                self._jobs.append((token, path, seconds, gate))
                gate = None
            else:
                self._jobs.append((token, path, seconds, None))
            self._lock.notify_all()
        for process in (previous, gate):  # the clip cut short, and a gate that would not take it
            if process is not None:
                _kill(process)
        return token

    def stop(self) -> None:
        """Silence the clip playing now, if any (it gets no ``on_end``)."""
        with self._lock:
            process = self._stop_locked()
        if process is not None:
            _kill(process)

    @property
    def playing(self) -> bool:
        """Whether a clip is playing or about to."""
        with self._lock:
            return self._wanted is not None

    def close(self, timeout: float = 1.0) -> None:
        """Stop playing, end the waiting player and let the audio threads finish."""
        self.stop()
        with self._lock:
            self._closed = True
            gate, self._gate = self._gate, None
            self._lock.notify_all()
        if gate is not None:
            _kill(gate)
            gate.communicate()
        self._thread.join(timeout)
        for watcher in self._watchers:
            watcher.join(timeout)

    # ---------------------------------------------------------------- internals

    def _stop_locked(self) -> subprocess.Popen[bytes] | None:
        self._wanted = None
        self._jobs = deque(job for job in self._jobs if job[3] is not None)  # keep watchers
        current, self._current = self._current, None
        if current is None:
            return None
        self._stopped.add(current[0])
        return current[1]

    def _audio_loop(self) -> None:
        """Start the players: the one asked for, a watchdog for each, and the next gate."""
        while True:
            with self._lock:
                while (
                    not self._jobs
                    and not self._closed
                    and (self._gate is not None or self._gates_broken)
                ):
                    self._lock.wait()
                if self._closed:
                    return
                job = self._jobs.popleft() if self._jobs else None
            if job is None:
                self._prepare_gate()
                continue
            token, path, seconds, process = job
            if process is None:
                process = self._spawn(token, path)
                if process is None:
                    continue
            self._watch_in_thread(token, process, seconds)

    def _prepare_gate(self) -> None:
        try:
            gate = subprocess.Popen(
                ["sh", "-c", GATE, "neuroguide-audio", *self.command],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=self._env,
                start_new_session=True,  # the player and its children end together
            )
        except OSError:
            with self._lock:
                self._gates_broken = True  # no shell: start each player when asked
            return
        kept = False
        with self._lock:
            if not self._closed and self._gate is None:
                self._gate, kept = gate, True
        if not kept:
            _kill(gate)
            gate.communicate()

    def _spawn(self, token: int, path: Path) -> subprocess.Popen[bytes] | None:
        try:
            process = subprocess.Popen(
                [*self.command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=self._env,
                start_new_session=True,
            )
        except OSError as error:
            self._fault("missing", f"{self.command[0]}: {error.strerror or error}")
            self._ended(token)
            return None
        with self._lock:
            wanted = self._wanted == token
            if wanted:
                self._current = (token, process)
        if not wanted:  # stopped while it was starting
            _kill(process)
            process.communicate()
            return None
        return process

    def _watch_in_thread(
        self, token: int, process: subprocess.Popen[bytes], seconds: float
    ) -> None:
        watcher = threading.Thread(
            target=self._watch, args=(token, process, seconds), name="audio-watch", daemon=True
        )
        self._watchers = [w for w in self._watchers if w.is_alive()]
        self._watchers.append(watcher)
        watcher.start()

    def _ended(self, token: int) -> None:
        with self._lock:
            if self._wanted != token:
                return
            self._wanted = None
        if self.on_end is not None:
            self.on_end(token)

    def _watch(self, token: int, process: subprocess.Popen[bytes], seconds: float) -> None:
        hung = False
        try:
            _, err = process.communicate(timeout=max(0.0, seconds) + self.hang_grace)
        except subprocess.TimeoutExpired:
            hung = True
            _kill(process)
            _, err = process.communicate()
        with self._lock:
            stopped = token in self._stopped
            self._stopped.discard(token)
            if self._current is not None and self._current[0] == token:
                self._current = None
        if stopped:
            return
        name = Path(self.command[0]).name
        if hung:
            self._fault("hang", f"{name} was still playing {self.hang_grace:.0f} s after the end")
        elif process.returncode in NOT_FOUND and b"exec" in err:
            self._fault("missing", f"{self.command[0]}: not found or not a program")
        elif process.returncode:
            self._fault("crash", _describe(name, process.returncode, err))
        self._ended(token)

    def _fault(self, kind: str, detail: str) -> None:
        if self.on_fault is not None:
            self.on_fault(kind, detail)


def _release(gate: subprocess.Popen[bytes], path: Path) -> bool:
    """Hand ``path`` to a waiting player; False if it cannot take it (gone, or a path the
    one-line protocol cannot carry)."""
    name = str(path)
    if "\n" in name or gate.poll() is not None or gate.stdin is None:
        return False
    try:
        os.write(gate.stdin.fileno(), name.encode() + b"\n")
        gate.stdin.close()
    except OSError:
        return False
    gate.stdin = None  # closed: communicate() must not flush it
    return True


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _describe(name: str, code: int, err: bytes) -> str:
    """``aplay stopped with signal SIGSEGV`` / ``aplay failed: <its first line>``."""
    if code < 0:
        try:
            signal_name = signal.Signals(-code).name
        except ValueError:
            signal_name = f"signal {-code}"
        return f"{name} stopped with {signal_name}"
    first = err.decode("utf-8", "replace").strip().splitlines()
    return f"{name} failed: {first[0][:200]}" if first else f"{name} failed with status {code}"
