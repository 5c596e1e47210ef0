"""PyInstaller runtime hook: programs the bundle starts use the system's libraries, not ours.

The bootloader points LD_LIBRARY_PATH at the bundle so the app finds its own libraries; every
child inherits it, so ``aplay`` (tones, and espeak's playback) would load the bundle's older
libdbus, libsystemd and libX11 on a newer system and could fail to start. The app's own
libraries are already resolved when this runs (the dynamic loader reads LD_LIBRARY_PATH once,
at start), and a child that is the bundle itself (the speech worker) sets it again.
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
