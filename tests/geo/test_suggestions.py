"""Findings feed the checklist: suggestions per item, the inspector's answer wins."""

from __future__ import annotations

from avsec.core.assessment import Response, Status
from avsec.geo.suggestions import findings_by_item, item_suggestions
from tests.geo.builders import run, training_field


def test_findings_grouped_by_item(mini_checklist) -> None:
    findings = run(training_field(), checklist=mini_checklist).findings
    grouped = findings_by_item(findings)
    assert {f.rule for f in grouped["ACP-01"]} == {
        "uncontrolled_access_point",
        "uncontrolled_crossing",
    }
    assert [f.rule for f in grouped["PER-01"]] == ["perimeter_gap"]


def test_suggestions_and_the_inspector_wins(mini_checklist) -> None:
    findings = run(training_field(), checklist=mini_checklist).findings
    responses = {
        "PER-01": Response(item_id="PER-01", status=Status.COMPLIANT),
        "PER-02": Response(item_id="PER-02", status=Status.NOT_ASSESSED),
    }
    by_item = {s.item_id: s for s in item_suggestions(mini_checklist, findings, responses)}
    # ACP-02 has no rules: not listed.
    assert list(by_item) == ["PER-01", "PER-02", "PER-03", "ACP-01"]
    per01 = by_item["PER-01"]
    assert per01.suggested == "not_compliant" and per01.answered == "compliant"
    assert per01.status == "compliant" and per01.disagrees
    per02 = by_item["PER-02"]
    assert per02.answered is None and per02.status == "not_compliant"
    # The clear-zone finding in the training field is major: not compliant.
    assert by_item["PER-03"].suggested == "not_compliant"


def test_no_findings_no_suggestion(mini_checklist) -> None:
    suggestions = item_suggestions(mini_checklist, [], {})
    assert all(s.suggested is None and s.status is None and not s.disagrees for s in suggestions)
