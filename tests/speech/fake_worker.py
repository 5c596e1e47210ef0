"""A stand-in speech worker that speaks the real protocol and misbehaves on request.

Usage: fake_worker.py MODE LOG [worker options...]. It appends what happens to LOG, one line
each: ``start PID TMPDIR ARGS``, ``said TEXT``, ``child PID``, ``configure JSON``.

Modes: ``normal`` (each cue takes 0.2 s), ``slow`` (each cue runs a ``sleep 60`` child, like
espeak's aplay, and waits for it), ``exit`` (exits when asked to speak), ``hang`` (never
answers a cue), ``mute`` (never says it is ready).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

MODE, LOG = sys.argv[1], sys.argv[2]


def log(line: str) -> None:
    with open(LOG, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def send(**message: object) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    log(f"start {os.getpid()} {os.environ.get('TMPDIR', '')} {' '.join(sys.argv[3:])}")
    if MODE == "mute":
        threading.Event().wait()
    send(event="ready", voice="fake", voice_found=True)
    for line in sys.stdin:
        message = json.loads(line)
        op = message.get("op")
        if op == "configure":
            log("configure " + json.dumps(message, sort_keys=True))
        elif op == "say":
            if MODE == "exit":
                return 1
            if MODE == "hang":
                threading.Event().wait()
            log("said " + message["text"])
            if MODE == "slow":
                child = subprocess.Popen(["sleep", "60"])
                log(f"child {child.pid}")
                send(event="started", id=message["id"])
                child.wait()
            else:
                threading.Event().wait(0.2)
            send(event="done", id=message["id"])
        elif op == "quit":
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
