"""``avsec analyze PATH [--json] [--lang en|es|pt|fr]``: run the geometry rules
(docs/architecture.md, *Geometry rules*).

PATH is an .avsec file (its rule parameters, its airport as the projection centre, its
checklist for the item links; the findings are stored in the file) or a GeoJSON layout
(default parameters, the layout's centre, the bundled checklist when it loads).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import add_lang, open_file, print_json, table
from avsec.verbs._text import message, tr, warn

_SQLITE_MAGIC = b"SQLite format 3\x00"
UNITS = {"m": "m", "m2": "m²"}


def register(subparsers: Any) -> None:
    """Add ``avsec analyze``."""
    p = subparsers.add_parser(
        "analyze",
        help=tr("find gaps in the layout with the geometry rules (.avsec file or GeoJSON)"),
    )
    p.add_argument("path", help=tr("an .avsec file or a GeoJSON layout"))
    p.add_argument("--json", action="store_true", help=tr("print findings and metrics as JSON"))
    p.add_argument(
        "--from",
        dest="source",
        choices=["avsec", "osm"],
        default="avsec",
        help=tr("for a GeoJSON PATH: an avsec layout (default) or an OpenStreetMap export"),
    )
    add_lang(p)
    p.set_defaults(handler=cmd_analyze)


def is_avsec_file(path: Path) -> bool:
    """True for an .avsec file (by suffix or by its SQLite header)."""
    if path.suffix.lower() == ".avsec":
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def _bundled_checklist() -> Any:
    """The bundled checklist for item links, or None when it cannot be loaded."""
    from avsec.core.errors import AvsecError
    from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist

    try:
        return get_checklist(BUNDLED_CHECKLIST)
    except (AvsecError, OSError, ValueError):
        return None


def cmd_analyze(args: argparse.Namespace) -> int:
    """Analyse a layout; print findings and metrics."""
    from avsec.core.assessment import RuleParameters
    from avsec.geo.analysis import analysis_json, analyze

    path = Path(args.path)
    marking = ""
    suggestions: list[Any] = []
    if is_avsec_file(path):
        from avsec.core.judgements import is_false_positive
        from avsec.geo.suggestions import item_suggestions
        from avsec.store.analysis import analyse_and_store

        with open_file(str(path)) as f:
            assessment = f.assessment
            # Everything is read (and a damaged row refused) before the findings are written:
            # a damaged file is left exactly as it was.
            responses = f.responses()
            result = analyse_and_store(f)
            # A finding the inspector judged a false positive suggests nothing.
            judgements = f.judgements()
            standing = [x for x in result.findings if not is_false_positive(x, judgements)]
            suggestions = item_suggestions(f.checklist, standing, responses)
        lang = args.lang or assessment.language
        marking = assessment.marking(lang)
    else:
        from avsec.io.geojson import read_layout

        layout = read_layout(path, args.source)
        for warning in layout.warnings:
            warn(N_("warning: {warning}"), warning=warning)
        result = analyze(layout.features, RuleParameters(), _bundled_checklist())
        lang = args.lang or "en"
    if args.json:
        print_json(analysis_json(result, lang))
        return 0
    print(render_table(result, lang, marking, suggestions))
    return 0


def render_table(
    result: Any, lang: str, marking: str = "", suggestions: list[Any] | None = None
) -> str:
    """The readable (non-JSON) report of an analysis."""
    from avsec.core.findings import finding_label, finding_numbers
    from avsec.core.i18n import format_number, pick
    from avsec.core.labels import label, severity_label, status_label
    from avsec.core.layout import KIND_LABELS
    from avsec.core.notices import Number

    numbers = finding_numbers(list(result.findings))
    lines: list[str] = []
    if marking:
        lines += [marking, ""]
    m = result.metrics
    if result.findings:
        rows = [
            [
                finding_label(numbers[f.id]),
                severity_label(f.severity, lang),
                f.rule,  # the rule's id (docs/architecture.md): as --json and the docs write it
                f"{format_number(f.value, lang)} {UNITS.get(f.unit, f.unit)}"
                if f.value >= 0
                else "–",
                label(KIND_LABELS, f.zone, lang) if f.zone else "–",
                ",".join(f.items) or "–",
                pick(f.message, lang),
            ]
            for f in result.findings
        ]
        lines.append(
            table(
                rows,
                [
                    "#",
                    N_("severity"),
                    N_("rule"),
                    N_("value"),
                    N_("zone"),
                    N_("items"),
                    N_("message"),
                ],
            )
        )
    else:
        lines.append(message(N_("No findings.")))
    lines.append("")
    covered = m.get("perimeter_covered")
    share = "–" if covered is None else f"{format_number(covered * 100, lang)} %"
    severities = m["findings_by_severity"]
    lines.append(
        message(
            N_(
                "perimeter {length} m, covered {share}, gaps {gaps} m; "
                "{features} features analysed ({access_points} access points)"
            ),
            length=Number(m["perimeter_length_m"], 0),
            share=share,
            gaps=Number(m["perimeter_gap_m"], 1),
            features=m["features_analysed"],
            access_points=m["access_points"],
        )
    )
    lines.append(
        message(
            N_("findings {findings}: {critical} critical, {major} major, {minor} minor"),
            findings=m["findings"],
            **severities,
        )
    )
    inspected = m.get("perimeter_inspected_share")
    if "perimeter_inspected_m" in m:
        share = "–" if inspected is None else f"{inspected * 100:.0f} %"
        lines.append(
            f"GPS tracks: {m['perimeter_inspected_m']:,.0f} m of the perimeter inspected ({share})"
        )
    if m.get("features_ignored"):
        lines.append(
            message(
                N_("{count} features not analysed (unknown kind or unusable geometry)"),
                count=m["features_ignored"],
            )
        )
    for rule, note in m.get("notes", {}).items():
        lines.append(message(N_("note ({rule}): {note}"), rule=rule, note=note))
    if suggestions:
        lines += [
            "",
            message(N_("Checklist items informed by the geometry (the inspector's answer wins):")),
        ]
        rows = []
        for s in suggestions:
            rows.append(
                [
                    s.item_id,
                    str(len(s.findings)),
                    status_label(s.suggested, lang) if s.suggested else "–",
                    status_label(s.answered or "not_assessed", lang),
                    status_label(s.status, lang) if s.status else "–",
                ]
            )
        lines.append(
            table(rows, [N_("item"), N_("findings"), N_("suggested"), N_("answered"), N_("shown")])
        )
    return "\n".join(lines)
