"""Regenerate docs/screenshots/: walker, map with findings, dashboard, outline; en and es.

    python scripts/screenshots.py [--out docs/screenshots]

Builds the bundled training airport (avsec.workshop.demo) in each language and renders the
main window at 1280x800 offscreen, the same way ``avsec gui FILE --screenshot PNG`` does, with
a view chosen and something selected so that each picture shows the view at work. Settings go
to a temporary file: the user's recent-files list is left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIEWS = ("walker", "map", "dashboard", "outline")


def _prepare(window, view: str) -> None:
    """Put the view in a state worth showing."""
    doc = window.session.doc
    workspace = window.workspace
    if view == "walker":
        # An item with geometry findings, notes, a photo and what the visit saw, as far as the
        # demo has one.
        with_photos = {i for i, r in doc.responses.items() if r.photos}
        observed = {i for o in doc.observations for i in o.items}
        with_findings = [i for i in doc.checklist.item_ids() if doc.findings_for_item(i)]
        both = [i for i in with_findings if i in with_photos]
        all_three = [i for i in both if i in observed]
        item = (
            all_three or both or with_findings or sorted(with_photos) or doc.checklist.item_ids()
        )[0]
        workspace.walker.select_item(item)
        window.session.thumbnails().wait()
    elif view == "map":
        editor = workspace.map_editor()
        editor.fit()
        if doc.findings:
            # The first finding highlighted with its items listed; the screenshot then fits
            # the whole airport in view.
            editor.findings.list.setCurrentRow(0)
            first = doc.findings[0]
            if first.features:  # and the feature it concerns, its attributes on the right
                editor.select_feature(first.features[0])
    elif view == "outline":
        if not doc.actions:
            workspace.outline_editor().regenerate()


def render(out_dir: Path, languages: tuple[str, ...] = ("en", "es", "pt", "fr")) -> list[Path]:
    """Write every screenshot; return the files."""
    with tempfile.TemporaryDirectory(prefix="avsec-shots-") as tmp:
        os.environ["AVSEC_SETTINGS"] = str(Path(tmp) / "settings.ini")
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from avsec.gui.app import application, make_window, render_screenshot
        from avsec.workshop.demo import make_demo

        application()
        written = []
        for lang in languages:
            demo = make_demo(Path(tmp) / lang, lang=lang)
            window = make_window(demo, lang, remember=False, raise_errors=True)
            for view in VIEWS:
                window.resize(1280, 800)
                window.show()
                window.show_view(view)
                _prepare(window, view)
                path = render_screenshot(window, out_dir / f"{view}-{lang}.png", view)
                written.append(path)
                print(f"wrote {path}")
            window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--lang", action="append", choices=["en", "es", "pt", "fr"], help="only these languages"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    render(args.out, tuple(args.lang or ("en", "es", "pt", "fr")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
