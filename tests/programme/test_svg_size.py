"""An SVG picture is counted at the size Qt draws it by default, read without drawing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer

from neuroguide.core.svg_size import SvgSizeError, svg_size

NS = "xmlns='http://www.w3.org/2000/svg'"
SIZES = [
    "width='200' height='100'",
    "viewBox='0 0 300 50'",
    "width='50%' height='100%' viewBox='0 0 300 50'",
    "width='2in' height='1cm'",
    "width='10pt' height='10pc'",
    "width='10mm' height='10mm'",
    "width='100000' height='100000'",
    "width='1e6' height='1e6'",
    "width='-5' height='100' viewBox='0 0 30 40'",
    "width='100' viewBox='0 0 30 40'",
    "viewBox='0,0,1e5,1e5'",
    "width=' 300 ' height='20px '",
    "width='30000000000' height='3'",
    "width='0' height='0' viewBox='0 0 30 40'",
    "width='1.5e3px' height='+20'",
    "width='100' height='200' viewBox='0 0 10'",
    "viewBox='0 0 30 40' width='auto' height='40'",
    "width='1e400' height='10' viewBox='0 0 7 8'",
]


@pytest.mark.parametrize("size", SIZES)
def test_the_size_read_is_the_size_qt_draws_it_at(size: str) -> None:
    data = f"<svg {NS} {size}><rect width='9' height='9'/></svg>".encode()
    expected = QSvgRenderer(QByteArray(data)).defaultSize()
    assert svg_size(data) == (expected.width(), expected.height())


@pytest.mark.parametrize(
    "prolog",
    [
        "<?xml version='1.0' encoding='UTF-8'?>\n",
        "\ufeff<!-- <svg width='1' height='1'> -->\n",
        "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' "
        "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd' [<!ENTITY a '>]'>]>\n<?pi x?>",
    ],
)
def test_declarations_and_comments_before_the_svg_element_are_passed_over(prolog: str) -> None:
    data = f"{prolog}<svg {NS} width='5000' height='4000'/>".encode()
    assert svg_size(data) == (5000, 4000)
    assert QSvgRenderer(QByteArray(data)).defaultSize().width() == 5000


def test_a_prefixed_svg_element_is_read() -> None:
    data = b"<s:svg xmlns:s='http://www.w3.org/2000/svg' width='700' height='600'/>"
    assert svg_size(data) == (700, 600)


@pytest.mark.parametrize(
    "text",
    [
        f"<svg {NS}><rect width='100000' height='100000'/></svg>",  # Qt: 100,000 x 100,000
        f"<svg {NS} width='100'><rect width='100000' height='100000'/></svg>",
        f"<svg {NS} width='10em' height='10ex'/>",
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY w '90000'>]>"
        f"<svg {NS} width='&w;' height='&w;'/>",
        f"<!-- {'x' * 70_000} --><svg {NS} width='1' height='1'/>",
        "<html><svg width='1' height='1'/></html>",
        f"<svg {NS} width='1' height='1'",
        "text before <svg width='1' height='1'/>",
    ],
)
def test_a_size_that_cannot_be_read_without_drawing_is_a_refusal_not_a_guess(text: str) -> None:
    with pytest.raises(SvgSizeError) as raised:
        svg_size(text.encode())
    assert "\n" not in str(raised.value)
