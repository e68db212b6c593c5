"""A folder of assessments as a portfolio: every airport's visits, the systemic gaps, the skips.

The figures are those of ``avsec portfolio`` (avsec.app.portfolio); the window only shows
them. ``avsec gui FOLDER`` opens it, and so does File > Open folder as portfolio.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.app.portfolio import portfolio_of_files
from avsec.core.assessment import DEFAULT_MARKING
from avsec.core.errors import AvsecError
from avsec.core.portfolio import Portfolio
from avsec.gui.i18n import error_text, language, notice_text, tr
from avsec.gui.labels import percent_text
from avsec.gui.widgets import marking_banner, read_only_table


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = read_only_table(parent, headers, name=name)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class PortfolioView(QDialog):
    """The portfolio of one folder (read once; files are never written)."""

    def __init__(self, folder: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("portfolio-view")
        self.folder = Path(folder)
        self.setWindowTitle(tr("Portfolio: {folder}").format(folder=self.folder.name))
        # The portfolio names weaknesses of many airports: marked like every assessment view.
        self.banner = marking_banner(self, DEFAULT_MARKING.get(language(), DEFAULT_MARKING["en"]))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.visits = _table(
            self,
            "portfolio-visits",
            [
                tr("Airport"),
                tr("Date"),
                tr("EI"),
                tr("Weighted score"),
                tr("Coverage"),
                tr("Open actions"),
                tr("Overdue actions"),
            ],
        )
        gaps_box = QGroupBox(tr("Systemic gaps"), self)
        self.systemic = _table(
            gaps_box,
            "portfolio-systemic",
            [tr("Item"), tr("Airports not compliant"), tr("Airports assessed")],
        )
        QVBoxLayout(gaps_box).addWidget(self.systemic)
        self.skipped = QLabel(self)
        self.skipped.setObjectName("portfolio-skipped")
        self.skipped.setWordWrap(True)
        self.skipped.setStyleSheet("color: #9b1c1c;")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.visits)
        splitter.addWidget(gaps_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.skipped)
        self.resize(1100, 700)
        self.portfolio: Portfolio | None = None
        self.reload()

    def reload(self) -> None:
        """Read the folder again."""
        try:
            portfolio = portfolio_of_files([self.folder])
        except AvsecError as exc:
            self.summary.setText(error_text(exc))
            return
        self.portfolio = portfolio
        visits = sum(len(a["visits"]) for a in portfolio.airports)
        self.summary.setText(
            tr("{airports} airports, {visits} visits in {folder}").format(
                airports=len(portfolio.airports), visits=visits, folder=self.folder
            )
        )
        _fill(
            self.visits,
            [
                [f"{a['icao']} {a['name']}".strip(), *cells]
                for a, cells in portfolio.visit_rows(percent_text)
            ],
        )
        _fill(
            self.systemic,
            [
                [g["item"], str(g["airports_not_compliant"]), str(g["airports_assessed"])]
                for g in portfolio.systemic
            ],
        )
        lines = [f"{Path(s.path).name}: {notice_text(s.reason)}" for s in portfolio.skipped]
        self.skipped.setText((tr("Skipped:") + "\n" + "\n".join(lines)) if lines else "")
        self.skipped.setVisible(bool(lines))


def open_portfolio_dialog(parent: QWidget, start: str = "") -> PortfolioView | None:
    """Ask for a folder and show its portfolio (None when cancelled)."""
    folder = QFileDialog.getExistingDirectory(parent, tr("Open folder as portfolio"), start)
    if not folder:
        return None
    view = PortfolioView(folder, parent)
    view.show()
    return view


def run_portfolio(app: QApplication, folder: str | Path, screenshot: str | Path | None) -> int:
    """``avsec gui FOLDER``: the portfolio window alone (or a picture of it)."""
    view = PortfolioView(folder)
    if screenshot:
        view.resize(1280, 800)
        view.show()
        for _ in range(3):
            app.processEvents()
        view.grab().save(str(screenshot))
        view.close()
        return 0
    view.show()
    return app.exec()
