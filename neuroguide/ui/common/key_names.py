"""Buttons and sentences name the key that means Space for this person: ``[F9]``, not ``[Space]``.

A person whose switch sends F9 is not helped by "Pause  [Space]". Every button made by
``make_button`` is a :class:`KeyButton`, every label made by ``make_label`` follows too: they
keep the words they were given and show them with the learned key's name in place of Space's.
``set_space_name`` renames what is already on screen (the window calls it when the learned
key changes); texts set later are renamed as they are set.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPushButton

_SPACE = "Space"
_space_name = _SPACE


def space_name() -> str:
    """The name of the key that means Space here ("Space" unless a switch was learned)."""
    return _space_name


def with_key_name(text: str) -> str:
    """``text`` with the learned key's name where it names Space as the key to press."""
    if _space_name == _SPACE or _SPACE not in text:
        return text
    name = _space_name
    for pattern, replacement in (
        ("[Space]", f"[{name}]"),
        (" or Space]", f" or {name}]"),
        ("Press Space", f"Press {name}"),
        ("press Space", f"press {name}"),
    ):
        text = text.replace(pattern, replacement)
    return text


class _NamesTheKey:
    """What a button and a label share: they keep the words they were given and show them
    with the learned key's name (placed before the Qt class, so its ``setText`` is used)."""

    given_text: str
    """The words as given, with Space (:func:`set_space_name` shows them again)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Show ``text``, naming the learned key where it says Space."""
        self.given_text = text
        super().setText(with_key_name(text))  # type: ignore[misc]


class KeyButton(_NamesTheKey, QPushButton):
    """A push button whose key hint names the learned switch."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setText(text)


class KeyLabel(_NamesTheKey, QLabel):
    """A label whose "Press Space" names the learned switch."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setText(text)


def set_space_name(name: str) -> bool:
    """Name the key that means Space; renames every button and label on show. Whether it changed."""
    global _space_name
    if name == _space_name:
        return False
    _space_name = name
    for widget in QApplication.allWidgets():
        given = getattr(widget, "given_text", None)
        if isinstance(given, str):
            widget.setText(given)  # type: ignore[attr-defined]
    return True
