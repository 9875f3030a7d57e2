"""`annotator gui --lang ar|en`: the interface language chosen on the command line."""

from annotator.cli import build_parser


def test_gui_takes_the_interface_language():
    assert build_parser().parse_args(["gui", "--lang", "ar"]).lang == "ar"
    assert build_parser().parse_args(["gui"]).lang is None
