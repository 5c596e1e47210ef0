"""The size an SVG picture is drawn at by default, read from its text without drawing it.

A programme's pictures have one limit on their total pixels (decision 0022). A PNG or JPEG says
its size in its header; an SVG says it in its ``<svg>`` element: ``width`` and ``height``, or
else its ``viewBox``. Qt's ``QSvgRenderer.defaultSize`` follows the same order and, when an SVG
says neither, measures everything it draws — which can be any size at all. So an SVG is
counted by what it declares, as Qt reads it, and one that declares no size we can read (none
at all, or a size written with an entity such as ``&w;``, which Qt expands) is refused rather
than guessed. Pure text work: nothing is parsed as XML, nothing is expanded or drawn.
"""

from __future__ import annotations

import math
import re

PROLOG_MOST = 65_536
"""Characters before the ``<svg>`` element we look through (declarations and comments)."""
LARGEST_SIDE = 2**31 - 1
"""Qt keeps a default size in ``int``s; a larger side counts as this."""
_UNITS = {"": 1.0, "px": 1.0, "pt": 1.0, "pc": 1.0, "mm": 3.543307, "cm": 35.43307, "in": 90.0}
"""Pixels per unit as Qt's SVG reader converts a root size (it leaves ``pt`` and ``pc`` as
they are; ``em`` and ``ex`` it cannot convert, nor do we)."""
_LENGTH = re.compile(
    r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|%)?\s*$"
)
_NAME = re.compile(r"[A-Za-z_][\w.:-]*")
_ATTRIBUTE = re.compile(r"\s*([A-Za-z_][\w.:-]*)\s*=\s*(\"[^\"]*\"|'[^']*')")
_DOCTYPE_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|<!--.*?-->|[\[\]>]", re.DOTALL)


class SvgSizeError(ValueError):
    """An SVG whose size cannot be told without drawing it; ``str()`` says why, for a person."""


def svg_size(data: bytes) -> tuple[int, int]:
    """Width and height (pixels) an SVG is drawn at by default; :class:`SvgSizeError` if
    its ``<svg>`` element cannot be found or says no size we can read."""
    text = data[:PROLOG_MOST].decode("latin-1").removeprefix("\xef\xbb\xbf")
    attributes = _root_attributes(text)
    for key in ("width", "height", "viewBox"):
        if "&" in attributes.get(key, ""):
            raise SvgSizeError(
                f"its {key} is written with an entity (&...;); write width, height and "
                "viewBox as plain numbers"
            )
    box = _view_box(attributes.get("viewBox", ""))
    width = _side(attributes.get("width", ""), box[0] if box else None)
    height = _side(attributes.get("height", ""), box[1] if box else None)
    if width is None or height is None:  # Qt: an empty size is the viewBox's
        if box is None:
            raise SvgSizeError(
                "it does not say how large it is; give its <svg> element a width and a "
                "height, or a viewBox"
            )
        width, height = box
    return _whole(width), _whole(height)


def _whole(side: float) -> int:
    return int(min(side, LARGEST_SIDE))


def _side(value: str, box_side: float | None) -> float | None:
    """A width or height in pixels; ``None`` when it is missing, zero or not readable."""
    found = _LENGTH.match(value)
    if found is None:
        return None
    number = float(found.group(1))
    unit = found.group(2) or ""
    if unit == "%":
        number = number / 100 * box_side if box_side is not None else 0.0
    else:
        number *= _UNITS[unit]
    return number if math.isfinite(number) and number > 0 else None


def _view_box(value: str) -> tuple[float, float] | None:
    parts = value.replace(",", " ").split()
    if len(parts) != 4:
        return None
    try:
        width, height = abs(float(parts[2])), abs(float(parts[3]))
    except ValueError:
        return None
    if not (math.isfinite(width) and math.isfinite(height)) or width == 0 or height == 0:
        return None
    return width, height


def _root_attributes(text: str) -> dict[str, str]:
    """The attributes of the first element, after the XML declaration, comments and the
    DOCTYPE; it must be ``<svg>`` (with or without a namespace prefix)."""
    at = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if text.startswith("<?", at):
            at = _after(text, "?>", at + 2)
        elif text.startswith("<!--", at):
            at = _after(text, "-->", at + 4)
        elif text.startswith("<!DOCTYPE", at):
            at = _after_doctype(text, at + 9)
        elif text.startswith("<", at):
            return _start_tag(text, at + 1)
        else:
            raise SvgSizeError(_NOT_FOUND)


_NOT_FOUND = (
    f"its <svg> element could not be found in its first {PROLOG_MOST // 1024} KB; "
    "save it again as a plain SVG"
)


def _after(text: str, end: str, start: int) -> int:
    found = text.find(end, start)
    if found < 0:
        raise SvgSizeError(_NOT_FOUND)
    return found + len(end)


def _after_doctype(text: str, start: int) -> int:
    depth = 0
    for token in _DOCTYPE_TOKEN.finditer(text, start):
        mark = token.group()
        if mark == "[":
            depth += 1
        elif mark == "]":
            depth -= 1
        elif mark == ">" and depth <= 0:
            return token.end()
    raise SvgSizeError(_NOT_FOUND)


def _start_tag(text: str, start: int) -> dict[str, str]:
    name = _NAME.match(text, start)
    if name is None or name.group().rpartition(":")[2] != "svg":
        raise SvgSizeError("it does not begin with an <svg> element")
    attributes: dict[str, str] = {}
    at = name.end()
    while True:
        found = _ATTRIBUTE.match(text, at)
        if found is None:
            break
        attributes.setdefault(found.group(1), found.group(2)[1:-1])
        at = found.end()
    if not re.match(r"\s*/?>", text[at : at + 64]):
        raise SvgSizeError(_NOT_FOUND if at >= len(text) else "its <svg> element is damaged")
    return attributes
