"""``avsec gui [FILE] [--lang en|es|pt|fr] [--screenshot PNG]``: the desktop app."""

from __future__ import annotations

import argparse
from typing import Any

from avsec.verbs._common import add_lang, check_output
from avsec.verbs._text import tr


def register(subparsers: Any) -> None:
    """Add ``avsec gui``."""
    p = subparsers.add_parser("gui", help=tr("open the desktop app (the default verb)"))
    p.add_argument("file", nargs="?", default=None, help=tr("an .avsec file to open"))
    add_lang(p)
    p.add_argument(
        "--screenshot",
        metavar="PNG",
        default=None,
        help=tr("render the main window (1280x800) with FILE loaded to PNG and exit"),
    )
    p.add_argument(
        "--size",
        metavar="WxH",
        default=None,
        type=_size,
        help=tr("window size of --screenshot, e.g. 1280x720 (default 1280x800)"),
    )
    p.set_defaults(handler=cmd_gui)


def plain_args() -> argparse.Namespace:
    """What ``avsec gui`` with no argument parses to (tests/gui/test_app.py compares the two):
    plain ``avsec`` starts the app without building the parser."""
    return argparse.Namespace(
        verb="gui",
        cli_lang=None,
        file=None,
        lang=None,
        number_format=None,
        screenshot=None,
        size=None,
        handler=cmd_gui,
    )


def _size(text: str) -> tuple[int, int]:
    """ "1280x720" -> (1280, 720); argparse turns the ValueError into a one-line error."""
    width, _, height = text.lower().partition("x")
    size = (int(width), int(height))
    if not (320 <= size[0] <= 7680 and 240 <= size[1] <= 4320):
        raise ValueError(text)
    return size


def cmd_gui(args: argparse.Namespace) -> int:
    """Run the desktop app, or write a screenshot of it."""
    if args.screenshot:
        # The screenshot never lands on the assessment (or any other one).
        inputs = [args.file] if args.file else []
        check_output(args.screenshot, (".png",), inputs=inputs)
    # PySide6 loads here, never at import: `avsec score` must not pay for Qt.
    from avsec.gui.app import run

    return run(args.file, lang=args.lang, screenshot=args.screenshot, size=args.size)
