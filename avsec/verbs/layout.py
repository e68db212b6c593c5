"""Layout verbs: ``layout import FILE GEOJSON [--from avsec|osm] [--replace] [--far-ok]`` and
``layout export FILE -o OUT.geojson|OUT.kml`` (docs/architecture.md, *Command line*).

An import checks where the layer lies against the assessment's airport. A layer whose centre
is more than 50 km away is refused when swapping lon and lat would bring it near the airport
(the file was written lat,lon); otherwise it is imported with a warning, because an inspector
may map an off-site facility (a cargo centre, a remote radar) on purpose. ``--far-ok`` says the
layer is meant to be far: no warning, and no refusal in the rare case of an off-site layer
that merely looks swapped.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_, ntranslate
from avsec.verbs._common import open_file, safe_output
from avsec.verbs._text import cli_language, message, say, tr, warn


def register(subparsers: Any) -> None:
    """Add ``avsec layout ...``."""
    p = subparsers.add_parser(
        "layout", help=tr("import or export the layout (zones, barriers, gates)")
    )
    sub = p.add_subparsers(dest="layout_verb", metavar="import|export", required=True)
    q = sub.add_parser(
        "import",
        help=tr("add a GeoJSON layout to an assessment (one undoable edit; all or nothing)"),
    )
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("geojson", help=tr("the GeoJSON layout (WGS84 lon/lat)"))
    q.add_argument(
        "--from",
        dest="source",
        choices=["avsec", "osm"],
        default="avsec",
        help=tr(
            "avsec: features carry properties.kind (default); osm: an OpenStreetMap export "
            "mapped by its tags"
        ),
    )
    q.add_argument(
        "--replace",
        action="store_true",
        help=tr(
            "replace the whole layout (default: merge, features with the same id are replaced)"
        ),
    )
    q.add_argument(
        "--far-ok",
        action="store_true",
        help=tr(
            "the layer lies far from the airport on purpose (an off-site facility): import it "
            "without checking its distance from the airport or whether lon and lat look swapped"
        ),
    )
    q.set_defaults(handler=cmd_import)
    q = sub.add_parser("export", help=tr("write the layout as GeoJSON or KML"))
    q.add_argument("file", help=tr("the .avsec file"))
    q.add_argument("-o", "--output", required=True, help=tr("OUT.geojson (or .json) or OUT.kml"))
    q.set_defaults(handler=cmd_export)


def _summary(counts: dict[str, int]) -> str:
    """``airside: 1, barrier: 3``: the kinds by their labels in the run's language."""
    from avsec.core.labels import label
    from avsec.core.layout import KIND_LABELS

    parts = [
        message(N_("{kind}: {count}"), kind=label(KIND_LABELS, kind, cli_language()), count=n)
        for kind, n in sorted(counts.items())
    ]
    return ", ".join(parts) or message(N_("nothing"))


def cmd_import(args: argparse.Namespace) -> int:
    """Read a layout and store it as one transaction; a failed read changes nothing."""
    from avsec.core.commands import merge_layout, replace_layout
    from avsec.core.document import AssessmentDocument
    from avsec.io.geojson import Reference, check_position, read_layout

    source = Path(args.geojson)
    # Read and check everything before the assessment is touched.
    layout = read_layout(source, args.source)
    with open_file(args.file) as f:
        # Raises before anything is applied: a refused layer changes nothing.
        reference = Reference.for_airport(f.assessment.airport)
        far_ok = bool(getattr(args, "far_ok", False))
        layout.warnings.extend(check_position(layout, source.name, reference, far_ok=far_ok))
        current = AssessmentDocument(
            assessment=f.assessment, checklist=f.checklist, features=f.features()
        )
        before = len(current.features)
        text = N_("Import layout from {name}")
        build = replace_layout if args.replace else merge_layout
        f.apply(build(current, layout.features, text, name=source.name))
        after = f.counts()["features"]
    for warning in layout.warnings:
        warn(N_("warning: {warning}"), warning=warning)
    say(
        N_(
            "replaced the layout with {count} features from {name} ({layout}); "
            "the layout had {before}, now {after}"
        )
        if args.replace
        else N_(
            "merged {count} features from {name} ({layout}); the layout had {before}, now {after}"
        ),
        count=len(layout.features),
        name=source.name,
        layout=_summary(layout.counts()),
        before=before,
        after=after,
    )
    say(N_("run `avsec analyze {file}` to update the findings"), file=args.file)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the layout as GeoJSON or KML."""
    out = Path(args.output)
    suffix = out.suffix.lower()
    formats = (".geojson", ".json", ".kml")
    unknown = N_("unknown layout format; use .geojson or .kml")
    with safe_output(out, formats, inputs=[args.file], suffix_message=unknown) as temp:
        with open_file(args.file) as f:
            features = f.features()
            assessment = f.assessment
        marking = assessment.marking(assessment.language)
        if suffix == ".kml":
            from avsec.io.kml import write_kml

            title = assessment.title or assessment.airport.name
            count = write_kml(features, temp, title=title, marking=marking)
        else:
            from avsec.io.geojson import write_geojson

            count = write_geojson(features, temp, marking=marking)
    wrote = ntranslate(
        "wrote {count} feature to {out}", "wrote {count} features to {out}", count, cli_language()
    )
    print(wrote.format(count=count, out=out))
    return 0
