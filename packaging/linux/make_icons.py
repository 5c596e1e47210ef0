"""Draw the app icon (resources/icons/neuroguide.svg) as PNGs for the freedesktop icon theme.

Run from the checkout after changing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/make_icons.py

Writes packaging/linux/icons/hicolor/<size>x<size>/apps/<APP_ID>.png for every size in SIZES,
and a copy of the SVG under hicolor/scalable/apps/.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE = ROOT / "resources" / "icons" / "neuroguide.svg"
THEME = Path(__file__).resolve().parent / "icons" / "hicolor"


def main() -> int:
    """Render every size; returns 1 if the SVG cannot be read."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from neuroguide import APP_ID

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    scalable = THEME / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
