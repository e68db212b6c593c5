"""Follow-up visits in the app: the dashboard's comparison and each item's last answer."""

from __future__ import annotations

import datetime as dt

import pytest
from visits import make_visit

from avsec.app.followup import start_followup


@pytest.fixture
def followup(window, tmp_path):
    prev = make_visit(
        tmp_path / "prev.avsec",
        {"PER-01": "not_compliant", "PER-02": "compliant"},
        started=dt.date(2025, 1, 10),
    )
    with_notes = start_followup(prev, tmp_path / "new.avsec", date=dt.date(2026, 1, 10))
    assert window.open_file(with_notes)
    return window


def _cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_dashboard_compares_with_the_last_visit(followup):
    followup.show_view("dashboard")
    box = followup.workspace.dashboard().since
    assert box.isVisible()
    # perimeter then: PER-01 NC (w3), PER-02 C (w2): EI 1/2, weighted 2/5; nothing answered now
    assert _cells(box.table, 0)[1:] == ["50\u00a0%", "–", "40\u00a0%", "–"]
    assert "0 improved" in box.summary.text()
    followup.session.set_status("PER-01", "compliant")
    assert _cells(box.table, 0)[1:] == ["50\u00a0%", "100\u00a0%", "40\u00a0%", "100\u00a0%"]
    assert "1 improved" in box.summary.text()


def test_item_page_shows_the_last_answer(followup):
    page = followup.workspace.walker.page
    followup.workspace.walker.select_item("PER-01")
    assert page.last_visit.isVisibleTo(page)
    assert "Last visit (2025-01-10): Not compliant" in page.last_visit.text()
    assert "PER-01 then" in page.last_visit.text()
    followup.workspace.walker.select_item("PER-03")
    assert "not assessed" in page.last_visit.text()


def test_first_visit_shows_neither(opened):
    opened.show_view("dashboard")
    assert not opened.workspace.dashboard().since.isVisible()
    page = opened.workspace.walker.page
    opened.workspace.walker.select_item("PER-01")
    assert not page.last_visit.isVisibleTo(page)
