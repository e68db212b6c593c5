"""``avsec demo``: the bundled training airport, opened in the app or printed as a report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import add_lang
from avsec.verbs._text import say, tr, warn

DEFAULT_OUT = "avsec-demo"


def register(subparsers: Any) -> None:
    """Add ``avsec demo``."""
    p = subparsers.add_parser(
        "demo",
        help=tr("build the training-airport assessment and open it (or write its report)"),
        description=(
            tr(
                "Build the fictional Isla Ejemplo (ZZEJ) training airport, with every item answered "
                "(the workshop's answer key), in DIR and open it in the app. With --no-gui, or when "
                "there is no display, write DIR/report.pdf instead. A key already in DIR is reused "
                "as it is (your edits, and the exercises packed from it, stay valid); --fresh "
                "rebuilds it, keeping the old file as a .bak copy."
            )
        ),
    )
    p.add_argument(
        "--out",
        default=DEFAULT_OUT,
        metavar="DIR",
        help=tr("folder (default {folder})").format(folder=DEFAULT_OUT),
    )
    p.add_argument(
        "--no-gui", action="store_true", help=tr("write DIR/report.pdf instead of opening the app")
    )
    p.add_argument(
        "--fresh",
        action="store_true",
        help=tr(
            "rebuild the key even if DIR has one (the old file is kept as NAME.avsec.bak); "
            "team files packed from the old key will not match the new one"
        ),
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
        say(N_("reusing the training airport in {path} (kept as it is, with any edits)"), path=path)
        if args.lang and result.language and result.language != args.lang:
            say(
                N_("  it was built in '{language}'; the report is written in '{lang}'"),
                language=result.language,
                lang=lang,
            )
        say(
            N_("  to rebuild it from the bundled data: avsec demo --out {out_dir} --fresh"),
            out_dir=out_dir,
        )
    else:
        if result.problem:
            warn(
                N_("avsec: warning: the demo in {path} does not open ({problem}); rebuilt it"),
                path=path,
                problem=result.problem,
            )
        if result.backup is not None:
            say(N_("moved the previous key to {backup}"), backup=result.backup)
        say(N_("built the training airport in {path}"), path=path)
    run = None if args.no_gui or not has_display() else _gui_runner()
    if run is not None:
        return int(run(path, lang) or 0)
    if not args.no_gui:
        say(
            N_("no display: writing the report instead")
            if not has_display()
            else N_("the desktop app is not available: writing the report instead")
        )
    report = write_report(path, out_dir / "report.pdf", lang)
    say(N_("wrote {report}"), report=report)
    say(
        N_(
            "next: avsec workshop pack {path} -o exercise.avsec   (a training exercise from this key)"
        ),
        path=path,
    )
    return 0
