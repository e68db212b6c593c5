"""Issue 15 item 7: concurrent writers lose nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from avsec.core.assessment import Response
from avsec.core.commands import SetAssessment, SetResponse
from avsec.store import AvsecFile
from avsec.store.stale import StaleEdit

NOW = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)


def test_an_edit_built_on_a_stale_response_is_refused(mini_file):
    with (
        AvsecFile.open(mini_file, user="a") as first,
        AvsecFile.open(mini_file, user="b") as second,
    ):
        seen_by_first = first.response("PER-01")
        seen_by_second = second.response("PER-01")
        second.apply(
            SetResponse(
                "PER-01",
                seen_by_second,
                Response(item_id="PER-01", status="not_compliant", notes="by b", updated=NOW),
            )
        )
        stale = SetResponse(
            "PER-01",
            seen_by_first,
            Response(item_id="PER-01", status="compliant", notes="by a", updated=NOW),
        )
        with pytest.raises(StaleEdit, match="PER-01 changed in another program"):
            first.apply(stale)
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-01").notes == "by b"
        assert [c["who"] for c in f.changes()][-1] == "b"


def test_a_stale_header_edit_is_refused(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        header_a, header_b = first.assessment, second.assessment
        second.apply(SetAssessment(header_b, header_b.model_copy(update={"title": "B"})))
        with pytest.raises(StaleEdit, match="assessment"):
            first.apply(SetAssessment(header_a, header_a.model_copy(update={"title": "A"})))
    with AvsecFile.open(mini_file) as f:
        assert f.assessment.title == "B"


def test_undo_over_another_programs_change_is_refused(mini_file):
    with AvsecFile.open(mini_file) as first, AvsecFile.open(mini_file) as second:
        before = first.response("PER-01")
        mine = SetResponse(
            "PER-01",
            before,
            Response(item_id="PER-01", status="compliant", notes="mine", updated=NOW),
        )
        first.apply(mine)
        current = second.response("PER-01")
        second.apply(
            SetResponse(
                "PER-01",
                current,
                Response(item_id="PER-01", status="not_compliant", notes="theirs", updated=NOW),
            )
        )
        with pytest.raises(StaleEdit):
            first.revert(mine)
    with AvsecFile.open(mini_file) as f:
        assert f.response("PER-01").notes == "theirs"


def test_two_racing_clis_never_build_on_stale_state(mini_file):
    # Two processes change the title at the same time. Every edit that succeeds must start
    # from the state the previous one left: the journal forms one unbroken chain.
    import os
    import subprocess
    import sys

    from tests.hardening.conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = (
        "import sys\n"
        "from avsec.cli import main\n"
        "for n in range(6):\n"
        "    main(['edit', sys.argv[1], '--title', sys.argv[2] + str(n)])\n"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(mini_file), name],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    errors = [racer.communicate(timeout=180)[1] for racer in racers]
    assert all("Traceback" not in e for e in errors)
    with AvsecFile.open(mini_file) as f:
        edits = [c for c in f.changes() if c["what"] == "assessment"]
        final = f.assessment.title
    assert edits, errors
    for previous, current in zip(edits, edits[1:], strict=False):
        assert current["before"]["title"] == previous["after"]["title"]
    assert edits[-1]["after"]["title"] == final
    refused = sum(e.count("changed in another program") for e in errors)
    assert len(edits) + refused == 12
