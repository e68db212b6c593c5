"""The "Since the last visit" section of a follow-up report, and its chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from visits import make_visit

from avsec.app.followup import find_action, followup_edit, load_since_last_visit, start_followup
from avsec.core.actions import Action
from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.report.followup_section import since_chart
from avsec.report.pdf import build_report
from avsec.store import AvsecFile


@pytest.fixture
def followup(tmp_path: Path) -> Path:
    prev = make_visit(
        tmp_path / "prev.avsec",
        {"PER-01": "not_compliant", "PER-02": "compliant"},
        started=dt.date(2025, 1, 10),
        actions=[
            Action(
                id="a-1",
                title="Mend <the> fence & gate",
                source_key="PER-01",
                items=["PER-01"],
                due=dt.date(2025, 4, 1),
            )
        ],
    )
    out = start_followup(prev, tmp_path / "new.avsec", date=dt.date(2026, 1, 10))
    with AvsecFile.open(out) as f:
        f.apply(SetResponse("PER-01", None, Response(item_id="PER-01", status="compliant")))
        f.apply(SetResponse("PER-02", None, Response(item_id="PER-02", status="compliant")))
        f.apply(followup_edit(find_action(f.actions(), "a-1"), "verified", "seen <b>mended</b>"))
    return out


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_followup_report_has_the_section(followup: Path, tmp_path: Path) -> None:
    with AvsecFile.open(followup) as f:
        doc = f.document()
        build_report(doc, tmp_path / "r.pdf", lang="en", photo_loader=f.attachment_bytes)
    text = _text(tmp_path / "r.pdf")
    assert "Since the last visit" in text
    assert "follows up the visit of 2025-01-10" in text
    assert "1 improved, 0 regressed, 1 unchanged" in text
    assert "1 verified, 0 overdue, 0 not done" in text
    assert "Mend <the> fence & gate" in text and "seen <b>mended</b>" in text


def test_first_visit_report_has_no_section(tmp_path: Path) -> None:
    path = make_visit(tmp_path / "first.avsec", {"PER-01": "compliant"})
    with AvsecFile.open(path) as f:
        build_report(f.document(), tmp_path / "r.pdf", lang="en", photo_loader=f.attachment_bytes)
    assert "Since the last visit" not in _text(tmp_path / "r.pdf")


def test_chart_bars_are_the_scores(followup: Path) -> None:
    with AvsecFile.open(followup) as f:
        since = load_since_last_visit(f)
        checklist = f.checklist
    figure = since_chart(since, checklist, "en")
    ei_axis = figure.axes[0]
    widths = sorted(round(p.get_width(), 6) for p in ei_axis.patches)
    # perimeter then 1/2, now 2/2; access points none either time (0); overall then 1/2, now 1
    assert widths == sorted([50.0, 100.0, 0.0, 0.0, 50.0, 100.0])
