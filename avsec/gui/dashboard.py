"""Dashboard: overall figures, the report's score chart per area, the top gaps by priority.

The chart is the very figure the PDF report prints (avsec.report.figures.charts.score_chart, a
reportlab drawing) shown as SVG, in the report's own DejaVu fonts. The dashboard redraws only
while visible (answers given on the walker mark it stale).
"""

from __future__ import annotations

import html
from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPaintEvent, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.core.errors import AvsecError
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
from avsec.io.resources import data_folder, read_bytes

TOP_GAPS = 12
#: Below this coverage, EI and the weighted score are marked provisional: a handful of answers
#: says little about the whole airport.
PROVISIONAL_BELOW = 0.5
#: The chart is drawn at print size (points); on screen it is at least this many pixels wide,
#: so that its 6.5-point labels stay readable.
CHART_MIN_WIDTH = 560


@lru_cache(maxsize=1)
def register_chart_fonts() -> None:
    """Give Qt the report's DejaVu fonts, which the chart's SVG names, on any machine.

    Without them (a broken installation) Qt draws the chart in its default sans font.
    """
    from avsec.report.styles import FONT, FONT_BOLD, FONT_FILES

    folder = data_folder("assets").joinpath("fonts")
    for filename in (FONT_FILES[FONT], FONT_FILES[FONT_BOLD]):
        try:
            data = read_bytes(folder.joinpath(filename))
        except AvsecError:
            continue
        QFontDatabase.addApplicationFontFromData(QByteArray(data))


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


class ScoreChart(QSvgWidget):
    """The report's score chart as SVG on white, as wide as its box and as tall as its aspect
    ratio asks (the chart box puts the spare height below it, not around it)."""

    def __init__(self, svg: bytes, width: float, height: float, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("score-chart")
        self.svg = svg
        self.load(QByteArray(svg))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.ratio = height / width
        self.setMinimumSize(CHART_MIN_WIDTH, round(CHART_MIN_WIDTH * self.ratio))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        QPainter(self).fillRect(self.rect(), QColor("white"))  # the SVG has no background
        super().paintEvent(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return round(width * self.ratio)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(CHART_MIN_WIDTH, super().sizeHint().width())
        return QSize(width, self.heightForWidth(width))


class Dashboard(SessionWidget):
    """Scores and gaps of one session."""

    #: Show this checklist item.
    item_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="dashboard")
        self._stale = True
        self.canvas: ScoreChart | None = None
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
        self.chart_layout.addStretch(1)
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
        from avsec.report.figures.charts import chart_svg, score_chart

        register_chart_fonts()
        drawing = score_chart(scores, self.session.checklist, language())
        canvas = ScoreChart(chart_svg(drawing), drawing.width, drawing.height, self.chart_box)
        if self.canvas is not None:
            self.chart_layout.replaceWidget(self.canvas, canvas)
            self.canvas.deleteLater()
        else:
            self.chart_layout.insertWidget(1, canvas)
        canvas.show()  # a child added to a shown widget stays hidden until asked
        self.canvas = canvas

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
