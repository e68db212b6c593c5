"""``avsec followup``, ``verify``, ``since`` and the follow-up lines of ``info``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from visits import make_visit

from avsec.core.actions import Action


def _previous(tmp_path: Path) -> Path:
    return make_visit(
        tmp_path / "prev.avsec",
        {"PER-01": "not_compliant", "PER-02": "compliant"},
        started=dt.date(2025, 1, 10),
        actions=[
            Action(
                id="a-PER-01",
                title="Fix",
                due=dt.date(2025, 4, 1),
                owner="Operator",
                source_key="PER-01",
                items=["PER-01"],
            )
        ],
    )


def test_followup_round_trip(tmp_path: Path, run) -> None:
    prev = _previous(tmp_path)
    new = tmp_path / "new.avsec"
    code, out, err = run("followup", prev, "-o", new, "--date", "2026-01-10", "--team", "Ana")
    assert code == 0, err
    assert "1 action to verify" in out and "(2025-01-10)" in out
    code, out, _ = run("info", new, "--json")
    info = json.loads(out)
    assert info["previous"]["date"] == "2025-01-10" and info["team"] == ["Ana"]
    assert info["last_visit"]["PER-01"]["status"] == "not_compliant"
    assert info["counts"]["answered"] == 0
    code, out, _ = run("info", new)
    assert "follow-up  of the visit of 2025-01-10" in out and "PER-01  not_compliant" in out
    code, out, err = run("verify", new, "a-PER-01", "verified", "--evidence", "new fence")
    assert code == 0, err
    code, out, _ = run("responses", "import", new, _csv(tmp_path, "PER-01,compliant\n"))
    assert code == 0
    code, out, _ = run("since", new, "--json")
    since = json.loads(out)
    assert since["items"]["improved"] == ["PER-01"]
    assert since["actions"] == {"verified": ["a-PER-01"], "overdue": [], "not_done": []}
    code, out, _ = run("outline", new, "--json")
    [action] = [a for a in json.loads(out)["actions"] if a["id"] == "a-PER-01"]
    assert (action["followup"], action["evidence"], action["owner"]) == (
        "verified",
        "new fence",
        "Operator",
    )


def test_followup_errors_are_one_line(tmp_path: Path, run) -> None:
    prev = _previous(tmp_path)
    code, _, err = run("followup", prev, "-o", prev)
    assert code == 2 and err.count("\n") == 1
    code, _, err = run("verify", prev, "a-nope", "done")
    assert code == 2 and "no action 'a-nope'" in err
    code, _, err = run("since", prev)
    assert code == 2 and "not a follow-up visit" in err


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.csv"
    path.write_text("item_id,status\n" + text, encoding="utf-8")
    return path
