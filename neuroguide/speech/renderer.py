"""Renders phrases into the phrase cache, ahead of time, with a speech worker of its own.

One background thread owns one worker process (the same ``neuroguide.speech.worker`` that
copes with pyttsx3's pitfalls) and renders a plan's phrases in the order they will be needed;
a phrase asked for *now* (the live fallback) jumps the queue. Nothing here blocks the caller
except :meth:`Renderer.wait`, meant for the terminal, tests and benchmarks.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from neuroguide.core.speech_plan import Phrase
from neuroguide.speech.messages import problem_message
from neuroguide.speech.phrase_cache import Clip, PhraseCache
from neuroguide.speech.protocol import decode, default_driver, encode, worker_command
from neuroguide.speech.worker_process import CommandFactory, kill_group, start_worker_process

ATTEMPTS = 3
"""Renders of one phrase before it is given up on (espeak now and then writes an empty file)."""
RENDER_TIMEOUT = 10.0
"""Seconds one phrase may take to render before the worker counts as hung."""
MAX_FAILURES = 3

Done = Callable[[Clip | None], None]


class Renderer:
    """Fills a :class:`PhraseCache`; ``on_problem`` is called once if the engine cannot work.

    Args:
        cache: where clips go.
        on_problem: a plain message when rendering is impossible (no engine, crashes).
        on_note: a plain message, once, when clips cannot be kept in the cache folder (they
            go to a temporary folder and the voice goes on); ``on_problem`` if not given.
        driver, command, env: the pyttsx3 driver (default: the platform's), the worker's command
            line (see :func:`~neuroguide.speech.protocol.worker_command`) and base environment.
    """

    def __init__(
        self,
        cache: PhraseCache,
        *,
        on_problem: Callable[[str], None] | None = None,
        on_note: Callable[[str], None] | None = None,
        driver: str | None = None,
        command: CommandFactory = worker_command,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.cache = cache
        self.on_problem = on_problem
        self.on_note = on_note if on_note is not None else on_problem
        self._env = dict(os.environ if env is None else env)
        self._driver = default_driver(self._env) if driver is None else driver
        self._command = command
        self._cond = threading.Condition()
        self._queue: deque[tuple[Phrase, Done | None]] = deque()
        self._closed = False
        self._failed: str | None = None
        self._failures = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._tmpdir = ""
        self._request = 0
        self._buffer = b""
        self._restart = False
        self._keep: set[Path] = set()
        self._rendered_since_prune = 0
        self.unrenderable: set[Phrase] = set()
        """Phrases that came out silent every time: they are not waited for."""
        self.rendered = 0
        """Phrases rendered by this renderer (those already on disk are not counted)."""
        self.busy_seconds = 0.0
        """Time spent rendering, for the benchmark."""
        self._thread = threading.Thread(target=self._run, name="phrase-renderer", daemon=True)
        self._thread.start()

    @property
    def problem(self) -> str | None:
        """Why rendering stopped, or ``None``."""
        return self._failed

    def prepare(self, phrases: Iterable[Phrase]) -> None:
        """Render every phrase not yet cached, in the given order, in the background."""
        wanted = list(phrases)
        with self._cond:
            self._keep = {self.cache.path(*phrase) for phrase in wanted}
            queued = {phrase for phrase, _ in self._queue}
            for phrase in wanted:
                if phrase not in queued and self.cache.get(*phrase) is None:
                    self._queue.append((phrase, None))
                    queued.add(phrase)
            self._cond.notify_all()

    def urgent(self, phrase: Phrase, done: Done) -> None:
        """Render ``phrase`` next (or answer at once if cached); ``done`` gets the clip, or
        ``None`` if it cannot be rendered. Called back from the renderer's thread."""
        clip = self.cache.get(*phrase)
        if clip is not None or self._failed:
            done(clip)
            return
        with self._cond:
            self._queue.appendleft((phrase, done))
            self._cond.notify_all()

    def wait(self, phrases: Iterable[Phrase], timeout: float) -> bool:
        """Block until every phrase is cached (or rendering failed, or time ran out)."""
        wanted = list(phrases)
        end = time.monotonic() + timeout
        with self._cond:
            while True:
                missing = [p for p in wanted if self.cache.get(*p) is None]
                if not missing:
                    return True
                if all(p in self.unrenderable for p in missing):
                    return False
                left = end - time.monotonic()
                if left <= 0 or self._failed or self._closed:
                    return False
                self._cond.wait(min(left, 0.05))

    def use(self, cache: PhraseCache) -> None:
        """Render into ``cache`` (another voice, rate or volume) from now on; what was queued
        for the old one is forgotten and the next render starts a worker with the new voice."""
        with self._cond:
            self.cache = cache
            self._queue.clear()
            self._restart = True
            self._cond.notify_all()

    def close(self) -> None:
        """Stop rendering and end the worker."""
        with self._cond:
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
        process = self._process
        if process is not None:
            kill_group(process)  # ends a read in progress on the renderer's thread
        self._thread.join(2.0)
        self._end_worker()

    # ---------------------------------------------------------------- thread

    def _run(self) -> None:
        # Start the worker at once: it is warm for the first phrase, and a machine without a
        # speech engine is told so when the app starts, not when a routine is chosen.
        if not self._closed:
            self._start_worker()
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                phrase, done = self._queue.popleft()
            if self._restart:
                self._restart = False
                self._end_worker()
            clip = self.cache.get(*phrase)
            if clip is None and not self._failed:
                started = time.monotonic()
                clip = self._render(phrase)
                self.busy_seconds += time.monotonic() - started
            if done is not None:
                done(clip)
            with self._cond:
                self._cond.notify_all()
                idle = not self._queue
                keep = set(self._keep)
            if idle and self._rendered_since_prune:
                self._rendered_since_prune = 0
                self.cache.prune(keep)  # the folder stays within its limit; this plan stays

    def _render(self, phrase: Phrase) -> Clip | None:
        for _ in range(ATTEMPTS):
            clip = self._render_once(phrase)
            if clip is not None or self._failed or self._closed:
                return clip
        with self._cond:
            self.unrenderable.add(phrase)
        return None

    def _render_once(self, phrase: Phrase) -> Clip | None:
        text, tone = phrase
        while not self._failed and not self._closed:
            if self._process is None and not self._start_worker():
                return None
            self._request += 1
            target = Path(self._tmpdir) / f"render-{self._request}.wav"
            request = {"op": "render", "id": self._request, "text": text, "path": str(target)}
            reply = self._ask(request)
            if reply is not None and reply.get("event") == "done":
                clip = self.cache.store(text, tone, target)
                note = self.cache.take_note()  # the cache folder cannot be written: said once
                if note is not None and self.on_note is not None:
                    self.on_note(note)
                with contextlib.suppress(OSError):
                    target.unlink()
                self.rendered += clip is not None
                self._rendered_since_prune += clip is not None
                self._failures = 0
                return clip
            self._end_worker()
            if self._closed:
                return None
            self._fail("crash" if reply is None else "hang")
        return None

    def _start_worker(self) -> bool:
        voice = self.cache.voice.as_arguments()
        argv = self._command(["--driver", self._driver, *voice, "--render-only"])
        process, tmpdir, why = start_worker_process(argv, self._env)
        if process is None:
            self._give_up(problem_message("cannot-start", why))
            return False
        self._process, self._tmpdir, self._buffer = process, tmpdir, b""
        reply = self._read(RENDER_TIMEOUT)
        if self._closed:
            return False
        if reply is not None and reply.get("event") == "ready":
            return True
        self._end_worker()
        if reply is not None and reply.get("event") == "unavailable":
            reason = str(reply.get("reason", ""))
            self._give_up(problem_message(reason, str(reply.get("detail", ""))))
        else:
            self._fail("hang" if reply is None else "crash")
        return False

    def _ask(self, message: dict[str, Any]) -> dict[str, Any] | None:
        process = self._process
        if process is None or process.stdin is None:
            return None
        try:
            process.stdin.write(encode(message))
            process.stdin.flush()
        except OSError:
            return None
        while True:
            reply = self._read(RENDER_TIMEOUT)
            if reply is None or reply.get("id") == message["id"]:
                return reply

    def _read(self, timeout: float) -> dict[str, Any] | None:
        """The next message from the worker, or ``None`` on timeout or its end."""
        process = self._process
        if process is None or process.stdout is None:
            return None
        end = time.monotonic() + timeout
        while True:
            line, newline, rest = self._buffer.partition(b"\n")
            if newline:
                self._buffer = rest
                message = decode(line)
                if message is not None:
                    return message
                continue
            left = end - time.monotonic()
            if left <= 0:
                return None
            try:
                ready, _, _ = select.select([process.stdout], [], [], left)
            except (OSError, ValueError):
                return None
            if not ready:
                return None
            try:
                chunk = os.read(process.stdout.fileno(), 65536)
            except (OSError, ValueError):  # closed under us by close()
                return None
            if not chunk:
                return None
            self._buffer += chunk

    def _end_worker(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            kill_group(process)
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                process.communicate(timeout=2)
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = ""

    def _fail(self, kind: str) -> None:
        self._failures += 1
        if self._failures >= MAX_FAILURES:
            self._give_up(problem_message(kind))

    def _give_up(self, message: str) -> None:
        with self._cond:
            if self._failed:
                return
            self._failed = message
            pending = list(self._queue)
            self._queue.clear()
            self._cond.notify_all()
        for _, done in pending:
            if done is not None:
                done(None)
        if self.on_problem is not None:
            self.on_problem(message)
