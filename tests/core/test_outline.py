"""The improvement outline: generated from gaps, user edits survive regeneration."""

from __future__ import annotations

import datetime as dt

from avsec.core.actions import Action
from avsec.core.assessment import Response
from avsec.core.checklist import Checklist
from avsec.core.findings import Finding
from avsec.core.outline import edit_action, generate_outline, horizon_for, localise_action

TODAY = dt.date(2026, 1, 1)


def _r(item_id: str, status: str) -> Response:
    return Response(item_id=item_id, status=status)


def test_actions_come_from_gaps(mini_checklist: Checklist) -> None:
    responses = {
        "PER-01": _r("PER-01", "not_compliant"),
        "PER-02": _r("PER-02", "partially_compliant"),
        "ACP-01": _r("ACP-01", "compliant"),
    }
    outline = generate_outline(mini_checklist, responses, today=TODAY)
    by_item = {a.items[0]: a for a in outline}
    assert set(by_item) == {"PER-01", "PER-02"}
    assert by_item["PER-01"].horizon == "immediate" and by_item["PER-01"].priority == 3.0
    assert by_item["PER-01"].due == TODAY + dt.timedelta(days=14)
    assert by_item["PER-02"].horizon == "medium"  # 2 * 0.5 = 1.0
    assert by_item["PER-01"].title == "Close every gap in the fence"


def test_spanish_titles(mini_checklist: Checklist) -> None:
    outline = generate_outline(
        mini_checklist, {"PER-01": _r("PER-01", "not_compliant")}, lang="es", today=TODAY
    )
    assert outline[0].title.startswith("Cierre")


def test_regeneration_keeps_user_edits(mini_checklist: Checklist) -> None:
    responses = {"PER-01": _r("PER-01", "not_compliant"), "PER-03": _r("PER-03", "not_compliant")}
    first = generate_outline(mini_checklist, responses, today=TODAY)
    per01 = next(a for a in first if a.items == ["PER-01"])
    edited = edit_action(
        per01, owner="Airport operator", title="Repair the north fence", horizon="short"
    )
    user = Action(title="Brief the guards", origin="user")
    current = [edited if a.id == per01.id else a for a in first] + [user]
    # The answers change: PER-02 becomes a gap, PER-03 is now fine.
    responses["PER-02"] = _r("PER-02", "not_compliant")
    responses["PER-03"] = _r("PER-03", "compliant")
    again = generate_outline(mini_checklist, responses, existing=current, today=TODAY)
    kept = next(a for a in again if a.items == ["PER-01"])
    assert kept.id == per01.id
    assert (kept.owner, kept.title, kept.horizon) == (
        "Airport operator",
        "Repair the north fence",
        "short",
    )
    assert kept.priority == 3.0  # not edited: refreshed
    assert any(a.items == ["PER-02"] for a in again)
    assert not any(a.items == ["PER-03"] for a in again)  # gap gone, never edited: dropped
    assert user in again


def test_edited_action_whose_gap_went_away_is_kept(mini_checklist: Checklist) -> None:
    responses = {"PER-01": _r("PER-01", "not_compliant")}
    first = generate_outline(mini_checklist, responses, today=TODAY)
    edited = edit_action(first[0], owner="CAA")
    again = generate_outline(
        mini_checklist, {"PER-01": _r("PER-01", "compliant")}, existing=[edited], today=TODAY
    )
    assert [a.owner for a in again] == ["CAA"]


def test_horizons() -> None:
    assert [horizon_for(p) for p in (4.5, 3, 2, 1, 0.5)] == [
        "immediate",
        "immediate",
        "short",
        "medium",
        "long",
    ]


def test_due_dates_do_not_drift_on_regeneration(mini_checklist: Checklist) -> None:
    responses = {"PER-01": _r("PER-01", "not_compliant")}
    first = generate_outline(mini_checklist, responses, today=TODAY)
    later = generate_outline(
        mini_checklist, responses, existing=first, today=TODAY + dt.timedelta(days=30)
    )
    assert later[0].due == first[0].due


def test_generated_actions_follow_the_report_language(mini_checklist: Checklist) -> None:
    from avsec.core.outline import localise_action

    outline = generate_outline(
        mini_checklist, {"PER-01": _r("PER-01", "not_compliant")}, today=TODAY
    )
    spanish = localise_action(outline[0], mini_checklist, "es")
    assert spanish.title == "Cierre toda abertura de la cerca"
    edited = edit_action(outline[0], title="Fix the north fence")
    kept = localise_action(edited, mini_checklist, "es")
    assert kept.title == "Fix the north fence" and kept.description.startswith("Cierre")
    user = Action(title="Brief the guards", origin="user")
    assert localise_action(user, mini_checklist, "es") is user


def _finding(item_id: str, severity: str) -> Finding:
    return Finding(
        rule="perimeter_gap",
        severity=severity,
        value=40.0,
        unit="m",
        location=(-80.0, 10.0),
        geometry={"type": "Point", "coordinates": [-80.0, 10.0]},
        items=[item_id],
        zone="airside",
    )


def test_critical_items_are_immediate_with_an_interim_measure(mini_checklist: Checklist) -> None:
    # Hand computation (priority = weight x (1 - score) x zone factor + finding boost):
    # PER-01, weight 3, partially compliant, one critical finding: 3 x 0.5 x 1.0 + 0.5 = 2.0,
    #   "short" by priority, but a critical item with a critical finding -> immediate.
    # ACP-01, weight 3, not compliant: 3.0 -> immediate.
    # PER-02, weight 2, not compliant: 2.0 -> short (weight 2 never forces immediate).
    responses = {
        "PER-01": _r("PER-01", "partially_compliant"),
        "ACP-01": _r("ACP-01", "not_compliant"),
        "PER-02": _r("PER-02", "not_compliant"),
    }
    outline = generate_outline(
        mini_checklist, responses, findings=[_finding("PER-01", "critical")], today=TODAY
    )
    by_item = {a.items[0]: a for a in outline}
    assert by_item["PER-01"].priority == 2.0
    assert [by_item[i].horizon for i in ("PER-01", "ACP-01", "PER-02")] == [
        "immediate",
        "immediate",
        "short",
    ]
    assert by_item["PER-01"].due == TODAY + dt.timedelta(days=14)
    # The interim measure fits the item's area: a guard or patrol on the perimeter, staff or
    # closure at an access point.
    assert by_item["PER-01"].description.endswith(
        "Interim measure until this is done: guard the weak stretch or patrol it at irregular "
        "intervals, day and night."
    )
    assert by_item["ACP-01"].description.endswith(
        "Interim measure until this is done: staff the access point at all times or close and "
        "lock it."
    )
    assert "Interim" not in by_item["PER-02"].description


def test_partial_critical_item_with_only_a_major_finding_follows_its_priority(
    mini_checklist: Checklist,
) -> None:
    # 3 x 0.5 x 1.0 + 0.3 = 1.8 -> short.
    outline = generate_outline(
        mini_checklist,
        {"PER-01": _r("PER-01", "partially_compliant")},
        findings=[_finding("PER-01", "major")],
        today=TODAY,
    )
    assert (outline[0].priority, outline[0].horizon) == (1.8, "short")


def test_owner_defaults_to_who_must_act(mini_checklist: Checklist) -> None:
    responses = {"PER-01": _r("PER-01", "not_compliant"), "ACP-01": _r("ACP-01", "not_compliant")}
    outline = generate_outline(mini_checklist, responses, lang="es", today=TODAY)
    owners = {a.items[0]: a.owner for a in outline}
    # PER-01 leaves responsible at its default (operator); ACP-01 names the State.
    assert owners == {
        "PER-01": "Explotador del aeropuerto",
        "ACP-01": "Autoridad competente (Estado)",
    }
    assert all("Medida provisional" in a.description for a in outline)
    english = [localise_action(a, mini_checklist, "en") for a in outline]
    assert {a.owner for a in english} == {"Airport operator", "Appropriate authority (State)"}
    edited = edit_action(outline[0], owner="DGAC")
    assert localise_action(edited, mini_checklist, "en").owner == "DGAC"
