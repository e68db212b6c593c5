"""``avsec demo``: the bundled training airport, opened in the app or printed as a report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from avsec.verbs._common import add_lang

DEFAULT_OUT = "avsec-demo"


def register(subparsers: Any) -> None:
    """Add ``avsec demo``."""
    p = subparsers.add_parser(
        "demo",
        help="build the training-airport assessment and open it (or write its report)",
        description=(
            "Build the fictional Isla Ejemplo (ZZEJ) training airport, with every item answered "
            "(the workshop's answer key), in DIR and open it in the app. With --no-gui, or when "
            "there is no display, write DIR/report.pdf instead. A key already in DIR is reused "
            "as it is (your edits, and the exercises packed from it, stay valid); --fresh "
            "rebuilds it, keeping the old file as a .bak copy."
        ),
    )
    p.add_argument(
        "--out", default=DEFAULT_OUT, metavar="DIR", help=f"folder (default {DEFAULT_OUT})"
    )
    p.add_argument(
        "--no-gui", action="store_true", help="write DIR/report.pdf instead of opening the app"
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help="rebuild the key even if DIR has one (the old file is kept as NAME.avsec.bak); "
        "team files packed from the old key will not match the new one",
    )
    add_lang(p)
    p.set_defaults(handler=cmd_demo)


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a window can be shown: on Linux only when DISPLAY or WAYLAND_DISPLAY is set."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux"):
        return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))
    return True


def _gui_runner() -> Any:
    """Return ``avsec.gui.app.run`` or None when the desktop app cannot be loaded."""
    try:
        from avsec.gui import app
    except ImportError:
        return None
    return getattr(app, "run", None)


def write_report(path: Path, out: Path, lang: str) -> Path:
    """Write the gap report of the demo assessment."""
    from avsec.io.checklists import load_catalogue
    from avsec.report.pdf import build_report
    from avsec.store import AvsecFile

    with AvsecFile.open(path) as f:
        doc = f.document()
        return build_report(
            doc, out, lang=lang, photo_loader=f.report_photo_bytes, catalogue=load_catalogue()
        )


def cmd_demo(args: argparse.Namespace) -> int:
    """Build the demo and open it, or write its report when there is no display."""
    from avsec.workshop.demo import prepare_demo

    lang = args.lang or "en"
    out_dir = Path(args.out)
    result = prepare_demo(out_dir, lang=lang, fresh=args.fresh)
    path = result.path
    if result.reused:
        print(f"reusing the training airport in {path} (kept as it is, with any edits)")
        if args.lang and result.language and result.language != args.lang:
            print(f"  it was built in '{result.language}'; the report is written in '{lang}'")
        print(f"  to rebuild it from the bundled data: avsec demo --out {out_dir} --fresh")
    else:
        if result.problem:
            print(
                f"avsec: warning: the demo in {path} does not open ({result.problem}); rebuilt it",
                file=sys.stderr,
            )
        if result.backup is not None:
            print(f"moved the previous key to {result.backup}")
        print(f"built the training airport in {path}")
    run = None if args.no_gui or not has_display() else _gui_runner()
    if run is not None:
        return int(run(path, lang) or 0)
    if not args.no_gui:
        reason = "no display" if not has_display() else "the desktop app is not available"
        print(f"{reason}: writing the report instead")
    report = write_report(path, out_dir / "report.pdf", lang)
    print(f"wrote {report}")
    print(
        f"next: avsec workshop pack {path} -o exercise.avsec   (a training exercise from this key)"
    )
    return 0
