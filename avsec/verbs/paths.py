"""``avsec paths PATH [--json] [--param k=v ...]``: the weakest adversary route into each target.

PATH is an .avsec file (its assessment parameters, its airport as the projection centre) or a
GeoJSON layout (default parameters, the layout's centre). ``--param`` overrides a model
parameter (response_time_s, response_sd_s, delay_sd_fraction, run_speed_mps, task_delay_s)
for this run only. The model is described in :mod:`avsec.geo.paths`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._common import add_param, open_file, param_numbers, print_json, table
from avsec.verbs._text import cli_language, message, tr, warn


def register(subparsers: Any) -> None:
    """Add ``avsec paths``."""
    p = subparsers.add_parser(
        "paths",
        help=tr("the route into each critical part with the lowest chance of interruption (EASI)"),
    )
    p.add_argument("path", help=tr("an .avsec file or a GeoJSON layout"))
    p.add_argument("--json", action="store_true", help=tr("print the routes as JSON"))
    add_param(p, tr("override a model parameter for this run (e.g. response_time_s=240)"))
    p.set_defaults(handler=cmd_paths)


def parse_params(pairs: list[str]) -> dict[str, float]:
    """``NAME=VALUE`` pairs as numbers, refusing unknown names and bad values in one line."""
    from avsec.core.errors import InputError
    from avsec.geo.paths import PARAMETER_NAMES

    out: dict[str, float] = {}
    for pair in pairs:
        ((name, number),) = param_numbers([pair], PARAMETER_NAMES).items()
        if not number >= 0 or (name == "run_speed_mps" and number == 0):
            raise InputError(N_("--param {pair}: must be a positive number"), pair=pair)
        out[name] = number
    return out


def cmd_paths(args: argparse.Namespace) -> int:
    """Find and print the weakest routes."""
    from avsec.core.assessment import RuleParameters
    from avsec.geo.paths import analyse_paths, easi_parameters, paths_json
    from avsec.verbs.analyze import is_avsec_file

    overrides = parse_params(args.param)
    path = Path(args.path)
    marking = ""
    if is_avsec_file(path):
        with open_file(str(path)) as f:
            assessment = f.assessment
            features = f.features()
        rules = assessment.parameters
        centre: tuple[float, float] | None = (assessment.airport.lon, assessment.airport.lat)
        # The marking in the language of the table below it (--lang, else the user's).
        marking = assessment.marking(cli_language())
    else:
        from avsec.io.geojson import read_layout

        layout = read_layout(path, "avsec")
        for warning in layout.warnings:
            warn(N_("warning: {warning}"), warning=warning)
        features, rules, centre = layout.features, RuleParameters(), None
    params = easi_parameters(rules, **overrides)
    result = analyse_paths(features, rules, centre=centre, params=params)
    data = paths_json(result)
    if args.json:
        print_json(data)
        return 0
    # Targets by their names in the run's language (``name:es``), as the analysis names them.
    names = {f.id: f.label(cli_language()) for f in features}
    print(render(data, marking, names))
    return 0


#: The steps of a route, named as the report names them.
STEP_LABELS = {"crossing": N_("crossing"), "travel": N_("travel"), "task": N_("task")}


def _number(value: float | None, decimals: int = 2) -> str:
    """A probability or a time as the run's language writes numbers (0.32, 0,32)."""
    from avsec.core.i18n import format_number

    return "–" if value is None else format_number(value, cli_language(), decimals)


def _kind(kind: str | None) -> str:
    """A layout kind (or the gap of a route) by its label in the run's language."""
    from avsec.core.labels import label
    from avsec.core.layout import KIND_LABELS

    if not kind:
        return "–"
    if kind == "gap":
        return message(N_("opening"))
    return label(KIND_LABELS, kind, cli_language())


def render(data: dict[str, Any], marking: str = "", names: dict[str, str] | None = None) -> str:
    """The readable report: one line per target, then the weakest route and its upgrades
    (``names``: the targets' names by feature id in the language shown)."""
    names = names or {}

    def name_of(target: dict[str, Any]) -> str:
        return names.get(target["target"]) or target["name"] or target["target"]

    from avsec.geo.path_defaults import UPGRADE_TEXT

    lines: list[str] = [marking, ""] if marking else []
    if not data["targets"]:
        return "\n".join(
            [*lines, message(N_("No targets: the layout has no critical part or SRA."))]
        )
    rows = [
        [
            name_of(t),
            _kind(t["kind"]),
            _number(t["p_interruption"]),
            "–" if t["critical_detection_point"] is None else str(t["critical_detection_point"]),
            _number(t["required_response_time_s"], 0),
        ]
        for t in data["targets"]
    ]
    lines.append(table(rows, [N_("target"), N_("kind"), "P(I)", "CDP", N_("response for 0.8 (s)")]))
    weakest = next(t for t in data["targets"] if t["target"] == data["weakest"])
    lines += ["", message(N_("Weakest route: {name}"), name=name_of(weakest))]
    rows = [
        [
            str(n),
            message(STEP_LABELS[e["kind"]]) if e["kind"] in STEP_LABELS else e["kind"],
            _kind(e["via"]),
            e["feature"] or "–",
            _number(e["p_detect"]),
            _number(e["delay_s"], 0),
            e["detect_at"],
        ]
        for n, e in enumerate(weakest["route"])
    ]
    lines.append(
        table(
            rows,
            ["#", N_("element"), N_("via"), N_("feature"), "P(detect)", N_("delay (s)"), N_("at")],
        )
    )
    if weakest["upgrades"]:
        lines += ["", message(N_("What to fix first:"))]
        rows = [
            [
                u["feature"] or message(N_("opening")),
                message(UPGRADE_TEXT[u["change"]]),
                _number(u["p_interruption_after"]),
            ]
            for u in weakest["upgrades"]
        ]
        lines.append(table(rows, [N_("feature"), N_("change"), "P(I) after"]))
    return "\n".join(lines)
