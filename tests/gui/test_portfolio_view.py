"""A folder opened as a portfolio in the app."""

from __future__ import annotations

import datetime as dt

from visits import airport, make_visit

from avsec.core.assessment import DEFAULT_MARKING
from avsec.gui.portfolio_view import PortfolioView


def test_portfolio_view_lists_visits_gaps_and_skips(qtbot, tmp_path):
    make_visit(
        tmp_path / "a.avsec",
        {"PER-01": "not_compliant", "PER-02": "compliant"},
        started=dt.date(2025, 1, 1),
    )
    make_visit(
        tmp_path / "b.avsec",
        {"PER-01": "partially_compliant"},
        where=airport("ZZTB", "Bravo"),
        started=dt.date(2024, 1, 1),
    )
    (tmp_path / "broken.avsec").write_bytes(b"\x00" * 300)
    view = PortfolioView(tmp_path)
    qtbot.addWidget(view)
    view.show()
    assert view.banner.text() == DEFAULT_MARKING["en"]
    rows = [
        [view.visits.item(r, c).text() for c in range(view.visits.columnCount())]
        for r in range(view.visits.rowCount())
    ]
    # ZZTA: PER-01 NC (w3), PER-02 C (w2): EI 1/2, weighted 2/5, coverage 2/5
    assert rows[0][:5] == ["ZZTA Test Field", "2025-01-01", "50\u00a0%", "40\u00a0%", "40\u00a0%"]
    assert rows[1][0] == "ZZTB Bravo"
    assert [view.systemic.item(0, c).text() for c in range(3)] == ["PER-01", "2", "2"]
    assert "broken.avsec" in view.skipped.text() and view.skipped.isVisible()
