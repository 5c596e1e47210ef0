"""A real speech worker whose natural voice makes no sound of one sentence ("Mute me.").

Run by tests/speech/test_natural_voice.py in place of the worker, to see that such a phrase
alone is said by espeak-ng."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from neuroguide.speech import piper_engine, worker

MUTE = "Mute me."
real_render = piper_engine.PiperEngine.render


def render(self: piper_engine.PiperEngine, text: str, path: str) -> None:
    if text != MUTE:
        real_render(self, text, path)


piper_engine.PiperEngine.render = render  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(worker.main(sys.argv[1:]))
