"""Renders phrases into the phrase cache, ahead of time, with a speech worker of its own.

One background thread owns one worker process (the same ``neuroguide.speech.worker`` that
copes with pyttsx3's pitfalls, or runs the natural voice) and renders a plan's phrases in the
order they will be needed; a phrase asked for *now* (the live fallback) jumps the queue.
Nothing here blocks the caller except :meth:`Renderer.wait`, meant for the terminal, tests and
benchmarks.

With a natural voice, espeak-ng stays the fallback: if the natural engine cannot load (or
keeps failing), every phrase is rendered by a second renderer with espeak-ng's voice; if one
phrase cannot be rendered naturally, that phrase alone is. The person is told once
(``on_fallback``). A fallback clip serves this run only, so the next run tries again.
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
from dataclasses import replace
from pathlib import Path
from typing import Any

from neuroguide.core.speech_plan import Phrase
from neuroguide.speech import natural
from neuroguide.speech.messages import natural_fallback_message, problem_message
from neuroguide.speech.natural import ESPEAK_VOICE
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
        on_fallback: the one message that espeak-ng speaks instead of the natural voice
            (default: ``on_problem``).
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
        on_fallback: Callable[[str], None] | None = None,
        on_note: Callable[[str], None] | None = None,
        driver: str | None = None,
        command: CommandFactory = worker_command,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.cache = cache
        self.on_problem = on_problem
        self.on_fallback = on_fallback
        self._natural_problem: str | None = None
        self._fallback: Renderer | None = None
        self.fallbacks = 0
        """Phrases rendered by espeak-ng in place of the natural voice."""
        self._fallback_told = False
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

    @property
    def natural_problem(self) -> str | None:
        """Why the natural voice is not used (espeak-ng speaks instead), or ``None``."""
        return self._natural_problem

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
        if self._fallback is not None:
            self._fallback.close()

    # ---------------------------------------------------------------- thread

    def _run(self) -> None:
        # Start the worker at once: it is warm for the first phrase, and a machine without a
        # speech engine is told so when the app starts, not when a routine is chosen.
        missing = natural.missing_reason(self.cache.requested.voice_id)
        if missing:
            self._tell_fallback(natural_fallback_message(missing))
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
            if not self._engine_usable():
                break
            clip = self._render_once(phrase)
            if clip is not None or self._failed or self._closed:
                return clip
        if self.cache.natural and not self._closed:
            clip = self._fall_back(phrase)
            if clip is not None:
                return clip
        with self._cond:
            self.unrenderable.add(phrase)
        return None

    def _engine_usable(self) -> bool:
        """Whether this renderer's own engine may be asked (not closed, failed or fallen back)."""
        if self._failed or self._closed:
            return False
        return not (self.cache.natural and self._natural_problem)

    def _fall_back(self, phrase: Phrase) -> Clip | None:
        """Render ``phrase`` with espeak-ng's voice (same rate and volume) and use it here."""
        if self._natural_problem:
            self._tell_fallback(natural_fallback_message(self._natural_problem))
        else:
            self._tell_fallback(natural_fallback_message(phrase[0], sentence=True))
        espeak = PhraseCache(
            self.cache.folder,
            replace(self.cache.voice, voice_id=ESPEAK_VOICE),
            self.cache.sounds,
            self.cache.max_bytes,
        )
        fallback = self._fallback
        if fallback is None:
            fallback = self._fallback = Renderer(
                espeak,
                on_problem=self.on_problem,
                driver=self._driver,
                command=self._command,
                env=self._env,
            )
        elif fallback.cache.voice != espeak.voice:
            fallback.use(espeak)
        answer: list[Clip | None] = []
        finished = threading.Event()

        def done(clip: Clip | None) -> None:
            answer.append(clip)
            finished.set()

        fallback.urgent(phrase, done)
        finished.wait(RENDER_TIMEOUT * (ATTEMPTS + 1))
        clip = answer[0] if answer else None
        if clip is not None:
            self.cache.adopt(phrase[0], phrase[1], clip)
            self.fallbacks += 1
        return clip

    def _tell_fallback(self, message: str) -> None:
        with self._cond:
            if self._fallback_told:
                return
            self._fallback_told = True
        tell = self.on_fallback or self.on_problem
        if tell is not None:
            tell(message)

    def _render_once(self, phrase: Phrase) -> Clip | None:
        text, tone = phrase
        while self._engine_usable():
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
            if reason == "no-natural":
                self._natural_problem = str(reply.get("detail", "")) or "it did not start"
                self._tell_fallback(natural_fallback_message(self._natural_problem))
                return False
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
            if self.cache.natural:
                self._natural_problem = (
                    f"its engine kept {'hanging' if kind == 'hang' else 'stopping'}"
                )
                self._failures = 0
                return
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
