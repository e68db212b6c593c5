"""Dashboard: overall figures, the report's score chart per area, the top gaps by priority.

The chart is the very figure the PDF report prints (avsec.report.figures.score_chart) shown
through matplotlib's Qt canvas. matplotlib loads when the dashboard is first shown, and the
dashboard redraws only while visible (answers given on the walker mark it stale).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.core.i18n import format_share, pick
from avsec.core.scoring import Scores, gaps, score_checklist
from avsec.gui.followup_panel import SinceLastVisitBox
from avsec.gui.i18n import language, number, tr
from avsec.gui.icons import status_icon
from avsec.gui.labels import status_label
from avsec.gui.numbered_list_panel import short
from avsec.gui.session import Session, touched
from avsec.gui.session_widget import SessionWidget
from avsec.gui.widgets import read_only_table

TOP_GAPS = 12
#: Below this coverage, EI and the weighted score are marked provisional: a handful of answers
#: says little about the whole airport.
PROVISIONAL_BELOW = 0.5


def percent(value: float | None) -> str:
    """A share as the report writes it ("73%", "73 %"), or an en dash when there is no figure."""
    return "–" if value is None else format_share(value, language())


class _Tile(QFrame):
    """One big number with its caption."""

    def __init__(self, caption: str, parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.value = QLabel("–", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet("color: #1f3a5f;")
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5f6b73;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class Dashboard(SessionWidget):
    """Scores and gaps of one session."""

    #: Show this checklist item.
    item_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="dashboard")
        self._stale = True
        self.canvas: QWidget | None = None
        self.coverage = _Tile(tr("Coverage"), self)
        self.ei = _Tile(tr("Effective Implementation (EI)"), self)
        self.weighted = _Tile(tr("Weighted score"), self)
        self.assessed = QLabel(self)
        self.assessed.setStyleSheet("color: #5f6b73;")
        tiles = QHBoxLayout()
        for tile in (self.coverage, self.ei, self.weighted):
            tiles.addWidget(tile, 1)
        self.chart_box = QGroupBox(tr("Scores by area"), self)
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_message = QLabel(self.chart_box)
        self.chart_message.setWordWrap(True)
        self.chart_layout.addWidget(self.chart_message)
        self.chart_message.hide()
        gaps_box = QGroupBox(tr("Top gaps by priority"), self)
        self.gaps = read_only_table(
            gaps_box,
            [tr("Item"), tr("Question"), tr("Status"), tr("Priority")],
            name="gaps-table",
        )
        self.gaps.setWordWrap(True)
        header = self.gaps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.gaps.cellActivated.connect(self._on_gap_activated)
        self.no_gaps = QLabel(tr("No gaps yet: answer items or run Analyse."), gaps_box)
        self.no_gaps.setStyleSheet("color: #5f6b73;")
        gaps_layout = QVBoxLayout(gaps_box)
        gaps_layout.addWidget(self.no_gaps)
        gaps_layout.addWidget(self.gaps)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chart_box)
        splitter.addWidget(gaps_box)
        splitter.setSizes([700, 560])
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(tiles, 0, 0)
        layout.addWidget(self.assessed, 1, 0)
        layout.addWidget(splitter, 2, 0)
        layout.setRowStretch(2, 1)
        self.since = SinceLastVisitBox(session, self)  # follow-up visits only
        layout.addWidget(self.since, 3, 0)
        session.changed.connect(self._on_session_changed)
        session.findings_changed.connect(self._on_findings_changed)

    # --- refresh ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_session_changed(self, command: object) -> None:
        if touched(command).responses:  # type: ignore[arg-type]
            self._mark_stale()

    def _on_findings_changed(self) -> None:
        self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def scores(self) -> Scores:
        """The scores the dashboard shows."""
        return score_checklist(self.session.checklist, self.session.doc.responses)

    def refresh(self) -> None:
        """Recompute the scores and gaps and redraw the chart."""
        self._stale = False
        scores = self.scores()
        overall = scores.overall
        self.coverage.value.setText(percent(overall.coverage))
        self.ei.value.setText(percent(overall.ei))
        self.weighted.value.setText(percent(overall.weighted))
        provisional = overall.coverage is None or overall.coverage < PROVISIONAL_BELOW
        note = (
            tr("provisional: coverage {coverage}").format(coverage=percent(overall.coverage))
            if provisional
            else ""
        )
        for tile, caption in (
            (self.ei, tr("Effective Implementation (EI)")),
            (self.weighted, tr("Weighted score")),
        ):
            tile.caption.setText(caption + (f"\n{note}" if note else ""))
            tile.value.setStyleSheet("color: #5f6b73;" if provisional else "color: #1f3a5f;")
        self.assessed.setText(
            tr("{assessed} of {applicable} applicable items assessed").format(
                assessed=overall.assessed, applicable=overall.applicable
            )
        )
        self._draw_chart(scores)
        self._fill_gaps()
        self.since.refresh()

    def _draw_chart(self, scores: Scores) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from avsec.report.figures.charts import score_chart

        figure = score_chart(scores, self.session.checklist, language())
        # Drawn for print at 6.7 in; a higher dpi keeps its type readable on screen.
        figure.set_dpi(110)
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("score-chart")
        canvas.setMinimumSize(320, 240)
        if self.canvas is not None:
            self.chart_layout.replaceWidget(self.canvas, canvas)
            self.canvas.deleteLater()
        else:
            self.chart_layout.addWidget(canvas)
        self.canvas = canvas
        canvas.draw_idle()

    def _fill_gaps(self) -> None:
        doc = self.session.doc
        # Assessed gaps only: an unanswered item is missing coverage, not a finding.
        assessed = [
            g
            for g in gaps(doc.checklist, doc.responses, doc.findings)
            if str(g.status) != "not_assessed"
        ]
        top = assessed[:TOP_GAPS]
        lang = language()
        self.gaps.setRowCount(len(top))
        for row, gap in enumerate(top):
            item_cell = QTableWidgetItem(gap.item.id)
            item_cell.setData(Qt.ItemDataRole.UserRole, gap.item.id)
            question = QTableWidgetItem(short(pick(gap.item.question, lang), 110))
            question.setToolTip(html.escape(pick(gap.item.question, lang)))
            status = QTableWidgetItem(status_icon(str(gap.status)), status_label(str(gap.status)))
            priority = QTableWidgetItem(number(gap.priority, 2))
            priority.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate((item_cell, question, status, priority)):
                self.gaps.setItem(row, column, cell)
        self.gaps.resizeRowsToContents()
        self.gaps.setVisible(bool(top))
        self.no_gaps.setVisible(not top)

    def gap_ids(self) -> list[str]:
        """Item ids listed as top gaps, in order."""
        cells = [self.gaps.item(r, 0) for r in range(self.gaps.rowCount())]
        return [c.data(Qt.ItemDataRole.UserRole) for c in cells if c is not None]

    def _on_gap_activated(self, row: int, _column: int) -> None:
        cell = self.gaps.item(row, 0)
        if cell is not None:
            self.item_requested.emit(cell.data(Qt.ItemDataRole.UserRole))
