"""Verbs on one assessment: new, info, responses, score, outline, export."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from avsec.core.i18n import LANGUAGES, N_, ntranslate
from avsec.core.notices import Number
from avsec.verbs._common import (
    add_lang,
    add_param,
    iso_date,
    open_file,
    param_numbers,
    percent,
    print_json,
    safe_output,
    table,
)
from avsec.verbs._text import cli_language, message, say, tr

#: How ``avsec info`` names the file's mode (``--json`` keeps the value itself).
MODE_LABELS = {
    "assessment": N_("assessment"),
    "answer_key": N_("answer key"),
    "exercise": N_("exercise"),
    "team": N_("team"),
}


def register(subparsers: Any) -> None:
    """Add the assessment verbs."""
    p = subparsers.add_parser("new", help=tr("create a new assessment file"))
    p.add_argument("file", help=tr("the .avsec file to create"))
    p.add_argument("--airport", help=tr("ICAO or IATA code (from the airportsdata database)"))
    p.add_argument("--name", help=tr("custom airport: its name"))
    p.add_argument("--lat", type=float, help=tr("custom airport: latitude"))
    p.add_argument("--lon", type=float, help=tr("custom airport: longitude"))
    p.add_argument("--icao", default="", help=tr("custom airport: its ICAO code, if it has one"))
    p.add_argument("--city", default="", help=tr("custom airport: city"))
    p.add_argument("--country", default="", help=tr("custom airport: ISO country code"))
    p.add_argument("--checklist", default=None, help=tr("checklist id or YAML path"))
    p.add_argument("--team", action="append", default=[], help=tr("team member (repeatable)"))
    p.add_argument("--title", default="", help=tr("assessment title"))
    p.add_argument("--force", action="store_true", help=tr("overwrite an existing file"))
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=tr("encrypt the whole file with a passphrase (asked for; or AVSEC_PASSPHRASE)"),
    )
    add_lang(p)
    p.set_defaults(handler=cmd_new)

    p = subparsers.add_parser(
        "edit",
        help=tr(
            "change the assessment details: title, team, dates, handling marking, rule parameters"
        ),
        description=tr(
            "Change the assessment header as one undoable, journaled edit. Rule parameters: "
            "{parameters}."
        ).format(parameters=_parameter_help()),
    )
    p.add_argument("file")
    p.add_argument("--title")
    p.add_argument(
        "--team", action="append", help=tr("team member (repeatable; replaces the list)")
    )
    p.add_argument("--organisation")
    p.add_argument("--started", type=iso_date, help=tr("first day of the assessment, YYYY-MM-DD"))
    p.add_argument("--ended", type=iso_date, help=tr("last day of the assessment, YYYY-MM-DD"))
    for lang in LANGUAGES:
        p.add_argument(
            f"--marking-{lang}",
            help=message(N_("handling marking printed on reports in {lang}"), lang=lang),
        )
    p.add_argument(
        "--language", choices=list(LANGUAGES), help=tr("the assessment's working language")
    )
    add_param(p, tr("set a geometry rule parameter (repeatable), e.g. min_barrier_height_m=2.5"))
    p.set_defaults(handler=cmd_edit)

    p = subparsers.add_parser("info", help=tr("show what an assessment file holds"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_info)

    p = subparsers.add_parser("responses", help=tr("import or export responses as CSV"))
    sub = p.add_subparsers(dest="responses_verb", metavar="import|export", required=True)
    q = sub.add_parser(
        "import",
        help=tr("apply item_id,status[,notes][,sample_size,failures] rows (all or nothing)"),
    )
    q.add_argument("file")
    q.add_argument("csv")
    q.set_defaults(handler=cmd_responses_import)
    q = sub.add_parser("export", help=tr("write every item's status and notes"))
    q.add_argument("file")
    q.add_argument("-o", "--output", required=True, help=tr("the CSV to write, or - for stdout"))
    q.set_defaults(handler=cmd_responses_export)

    p = subparsers.add_parser("score", help=tr("coverage, EI and weighted score by area"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    add_lang(p)
    p.set_defaults(handler=cmd_score)

    p = subparsers.add_parser("outline", help=tr("the improvement outline generated from gaps"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--save",
        action="store_true",
        help=tr("store the regenerated outline (user edits kept; nothing written when unchanged)"),
    )
    add_lang(p)
    p.set_defaults(handler=cmd_outline)

    p = subparsers.add_parser(
        "export", help=tr("export the assessment (json) or action plan (csv, xlsx)")
    )
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help=tr("OUT.json, OUT.csv or OUT.xlsx"))
    add_lang(p)
    p.set_defaults(handler=cmd_export)


#: The rule parameters ``edit --param`` sets: (name, default, lowest, highest).
_PARAMETERS = (
    ("perimeter_join_tolerance_m", 0.5, 0, 100),
    ("perimeter_offset_tolerance_m", 2.0, 0, 100),
    ("min_barrier_height_m", 2.44, 0, 20),
    ("crossing_access_radius_m", 5.0, 0, 500),
    ("access_point_boundary_m", 10.0, 0, 1000),
    ("clear_zone_m", 3.0, 0, 100),
    ("track_buffer_m", 25.0, 0, 500),
)


def _parameter_help() -> str:
    """The parameters in ``--help``, in the run's language."""
    return ", ".join(
        message(
            N_("{name} (default {default}, {low} to {high})"),
            name=name,
            default=Number(default, len(str(default).partition(".")[2])),
            low=low,
            high=high,
        )
        for name, default, low, high in _PARAMETERS
    )


def cmd_edit(args: argparse.Namespace) -> int:
    """Change the assessment header as one undoable edit (the model's rules, as the GUI)."""
    from avsec.app.header import edited_header
    from avsec.core.commands import SetAssessment
    from avsec.core.errors import InputError, validation_reason, validation_where

    with open_file(args.file) as f:
        before = f.assessment
        update: dict[str, Any] = {}
        for field in ("title", "organisation", "started", "ended", "language"):
            value = getattr(args, field)
            if value is not None:
                update[field] = value
        if args.team is not None:
            update["team"] = list(args.team)
        marking = dict(before.handling_marking)
        for lang in LANGUAGES:
            value = getattr(args, f"marking_{lang}")
            if value is not None:
                marking[lang] = value
        if marking != before.handling_marking:
            update["handling_marking"] = marking
        if args.param:
            from pydantic import ValidationError

            from avsec.core.assessment import RuleParameters

            values = before.parameters.model_dump()
            values.update(param_numbers(args.param, list(values)))
            try:
                update["parameters"] = RuleParameters(**values)
            except ValidationError as exc:
                raise InputError(
                    N_("--param {name}: {msg}"),
                    name=validation_where(exc),
                    msg=validation_reason(exc),
                ) from None
        if not update:
            raise InputError(N_("nothing to change; see 'avsec edit --help'"))
        after = edited_header(before, **update)
        f.apply(SetAssessment(before, after))
        stale = f.findings_stale()
    say(N_("updated {fields} in {file}"), fields=", ".join(sorted(update)), file=args.file)
    if stale:
        say(N_("the rule parameters changed: run 'avsec analyze' to refresh the findings"))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create an assessment file."""
    from avsec.core.assessment import Assessment
    from avsec.core.errors import InputError
    from avsec.io.airports import custom_airport, lookup_airport
    from avsec.io.checklists import BUNDLED_CHECKLIST, get_checklist
    from avsec.store import AvsecFile

    if args.airport:
        airport = lookup_airport(args.airport)
    elif args.name and args.lat is not None and args.lon is not None:
        if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
            raise InputError(N_("--lat must be within -90..90 and --lon within -180..180"))
        airport = custom_airport(
            args.name, args.lat, args.lon, icao=args.icao, city=args.city, country=args.country
        )
    else:
        raise InputError(N_("give --airport CODE, or --name, --lat and --lon for a custom airport"))
    checklist = get_checklist(args.checklist or BUNDLED_CHECKLIST)
    assessment = Assessment(
        title=args.title or f"{airport.name} access control",
        airport=airport,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        team=args.team,
        language=args.lang or "en",
    )
    passphrase = None
    if args.encrypt:
        from avsec.store import crypto

        passphrase = crypto.passphrase_for(Path(args.file), confirm=True)
    with AvsecFile.create(
        Path(args.file), assessment, checklist, overwrite=args.force, passphrase=passphrase
    ):
        pass
    code = airport.icao or airport.name
    say(
        N_("created {file}: {code} {airport}, checklist {checklist} v{version} (encrypted)")
        if passphrase
        else N_("created {file}: {code} {airport}, checklist {checklist} v{version}"),
        file=args.file,
        code=code,
        airport=airport.name,
        checklist=checklist.id,
        version=checklist.version,
    )
    return 0


def info_dict(path: str) -> dict[str, Any]:
    """Return the ``info --json`` content of an assessment file."""
    from avsec.core.assessment import Status

    with open_file(path) as f:
        assessment = f.assessment
        checklist = f.checklist
        responses = f.responses()
        counts = f.counts()
        items = checklist.item_ids()
        last_visit = f.extra("last_visit")
        assessed = sum(
            1
            for r in responses.values()
            if r.status not in (Status.NOT_ASSESSED,) and r.item_id in items
        )
        return {
            "file": str(path),
            "format_version": f.schema_version,
            "app_version": f.meta().get("app_version", ""),
            "title": assessment.title,
            "mode": assessment.mode,
            "team_name": assessment.team_name,
            "team": assessment.team,
            "airport": assessment.airport.model_dump(mode="json"),
            "checklist": {"id": checklist.id, "version": checklist.version, "items": len(items)},
            "started": assessment.started.isoformat(),
            "handling_marking": assessment.marking(assessment.language),
            "findings_stale": f.findings_stale(),
            "counts": {
                "items": len(items),
                "answered": assessed,
                "features": counts["features"],
                "findings": counts["findings"],
                "actions": counts["actions"],
                "photos": counts["attachments"],
                "changes": counts["changes"],
            },
            # Follow-up visits: the visit this one continues, and what it found per item.
            "previous": assessment.previous.model_dump(mode="json")
            if assessment.previous
            else None,
            "last_visit": (last_visit or {}).get("responses"),
        }


def cmd_info(args: argparse.Namespace) -> int:
    """Describe an assessment file."""
    info = info_dict(args.file)
    if args.json:
        print_json(info)
        return 0
    airport = info["airport"]
    codes = "/".join(c for c in (airport["icao"], airport["iata"]) if c)
    print(info["handling_marking"])
    print(info["title"])
    place = f"{codes} {airport['name']}, {airport['city']} {airport['country']}".rstrip()
    say(N_("  airport    {place}"), place=place)
    say(
        N_("  checklist  {id} v{version}"),
        id=info["checklist"]["id"],
        version=info["checklist"]["version"],
    )
    mode = message(MODE_LABELS[info["mode"]]) if info["mode"] in MODE_LABELS else info["mode"]
    if info["team_name"]:
        say(N_("  mode       {mode} (team {team})"), mode=mode, team=info["team_name"])
    else:
        say(N_("  mode       {mode}"), mode=mode)
    c = info["counts"]
    say(N_("  answered   {answered} of {items} items"), answered=c["answered"], items=c["items"])
    stale = message(N_(" (out of date: run avsec analyze)")) if info["findings_stale"] else ""
    say(
        N_("  layout     {features} features, {findings} findings{stale}"),
        features=c["features"],
        findings=c["findings"],
        stale=stale,
    )
    say(
        N_("  outline    {actions} actions; {photos} photos; {changes} journal entries"),
        actions=c["actions"],
        photos=c["photos"],
        changes=c["changes"],
    )
    if info["previous"]:
        from avsec.verbs.followup import print_last_visit

        print_last_visit(info)
    return 0


def cmd_responses_import(args: argparse.Namespace) -> int:
    """Apply a responses CSV as one undoable transaction."""
    from avsec.core.assessment import Response
    from avsec.core.commands import Batch, SetResponse
    from avsec.io.responses_csv import read_responses_csv

    with open_file(args.file) as f:
        rows = read_responses_csv(Path(args.csv), f.checklist)
        current = f.responses()
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        commands = []
        for item_id, status, notes, sample in rows:
            before = current.get(item_id)
            keep = before.notes if before else ""
            kept = (before.sample_size, before.failures) if before else (None, None)
            sample_size, failures = kept if sample is None else sample
            after = Response(
                item_id=item_id,
                status=status,
                notes=keep if notes is None else notes,
                photos=before.photos if before else [],
                updated=now,
                updated_by=f.user,
                sample_size=sample_size,
                failures=failures,
            )
            commands.append(SetResponse(item_id, before, after))
        text = N_("Import {count} responses from {name}")
        f.apply(Batch(text, commands, {"count": len(rows), "name": Path(args.csv).name}))
    imported = ntranslate(
        "imported {count} response from {csv}",
        "imported {count} responses from {csv}",
        len(rows),
        cli_language(),
    )
    print(imported.format(count=len(rows), csv=args.csv))
    return 0


def cmd_responses_export(args: argparse.Namespace) -> int:
    """Write responses as CSV."""
    import sys

    from avsec.io.responses_csv import write_responses_csv

    with open_file(args.file) as f:
        if args.output == "-":
            write_responses_csv(sys.stdout, f.checklist, f.responses())
            return 0
        with safe_output(args.output, (".csv",), inputs=[args.file]) as temp:
            count = write_responses_csv(temp, f.checklist, f.responses())
    wrote = ntranslate(
        "wrote {count} response to {output}",
        "wrote {count} responses to {output}",
        count,
        cli_language(),
    )
    print(wrote.format(count=count, output=args.output))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Print the scores."""
    from avsec.core.i18n import pick
    from avsec.core.scoring import score_checklist

    with open_file(args.file) as f:
        checklist, responses = f.checklist, f.responses()
        lang = args.lang or f.assessment.language
    scores = score_checklist(checklist, responses)
    if args.json:
        print_json(scores.to_json())
        return 0
    titles = {a.id: pick(a.title, lang) for a in checklist.areas}
    rows = [
        [
            titles[a.id],
            percent(a.coverage),
            percent(a.ei),
            percent(a.weighted),
            f"{a.assessed}/{a.applicable}",
        ]
        for a in scores.areas
    ]
    o = scores.overall
    rows.append(
        [
            message(N_("Overall")),
            percent(o.coverage),
            percent(o.ei),
            percent(o.weighted),
            f"{o.assessed}/{o.applicable}",
        ]
    )
    print(table(rows, [N_("area"), N_("coverage"), "EI", N_("weighted"), N_("assessed")]))
    return 0


def _action_json(action: Any, checklist: Any) -> dict[str, Any]:
    """An action as JSON with ``responsible``: who must act, from its checklist items."""
    known = set(checklist.item_ids())
    responsible = list(
        dict.fromkeys(checklist.item(i).responsible for i in action.items if i in known)
    )
    return {**action.model_dump(mode="json"), "responsible": ",".join(responsible)}


def cmd_outline(args: argparse.Namespace) -> int:
    """Print (and with --save store) the improvement outline."""
    from avsec.app.editor import Editor

    with open_file(args.file) as f:
        editor = Editor(f)
        update = editor.outline_update(args.lang or None)
        outline = update.actions
        checklist = f.checklist
        lang = args.lang or f.assessment.language
        if args.save and update.command is not None:
            editor.apply(update.command)
    if args.json:
        print_json({"actions": [_action_json(a, checklist) for a in outline]})
        return 0
    from avsec.core.i18n import format_number
    from avsec.core.labels import horizon_label

    rows = [
        [
            horizon_label(a.horizon, lang),  # the report's and the action plan's words
            format_number(a.priority, lang, 2),
            ",".join(a.items),
            a.title[:70],
            a.due.isoformat() if a.due else "",
        ]
        for a in outline
    ]
    print(table(rows, [N_("horizon"), N_("priority"), N_("items"), N_("action"), N_("due")]))
    if args.save and update.command is None:
        say(
            N_("the outline in {file} is up to date ({outline_count} actions); nothing written"),
            file=args.file,
            outline_count=len(outline),
        )
    elif args.save:
        say(
            N_("saved {outline_count} actions to {file}"),
            outline_count=len(outline),
            file=args.file,
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the whole assessment as JSON or the action plan as CSV/XLSX."""
    out = Path(args.output)
    suffix = out.suffix.lower()
    with safe_output(out, (".json", ".csv", ".xlsx"), inputs=[args.file]) as temp:
        with open_file(args.file) as f:
            doc = f.document()
        if suffix == ".json":
            from avsec.io.assessment_json import write_assessment_json

            write_assessment_json(doc, temp)
            summary = message(N_("wrote {out}"), out=out)
        else:
            from avsec.io import cap

            lang = args.lang or doc.assessment.language
            count = cap.write_cap(doc, temp, lang=lang)
            wrote = ntranslate(
                "wrote {count} action to {out}",
                "wrote {count} actions to {out}",
                count,
                cli_language(),
            )
            summary = wrote.format(count=count, out=out)
    print(summary)
    return 0
