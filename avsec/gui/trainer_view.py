"""The trainer's view of a workshop: teams against the key and against each other.

Shows the same comparison as ``avsec workshop compare`` (:class:`avsec.workshop.compare.
Comparison`): team scores overall and per area, a heat map of teams x items coloured by status
with the answers that differ from the key marked ×, the most disputed items with the key's
rationale, and the consolidated improvement outline. Files that were refused are listed by name
with the reason above the tabs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from avsec.core import palette
from avsec.core.i18n import format_number, format_share, keyed_text, pick
from avsec.gui.i18n import language
from avsec.gui.labels import horizon_label, status_label
from avsec.gui.paths_panel import add_estimates_tab
from avsec.gui.widgets import read_only_table
from avsec.io.translations import keyed
from avsec.report.colours import luminance
from avsec.workshop.agreement import BAND_LABELS
from avsec.workshop.compare import CATEGORIES, Comparison, compare_files, kappa_band

#: Cell colours of the heat map by status (the debrief PDF's: avsec.core.palette).
STATUS_FILL = palette.STATUS_CELL_COLOURS
#: Statuses whose cells carry white text (the debrief's rule: a dark fill).
DARK_FILLS = {status for status, fill in STATUS_FILL.items() if luminance(fill) < 0.2}

#: This view's own words: key -> English, translated through the gettext catalogues (the key is
#: the message context, see :func:`avsec.io.translations.keyed`).
TEXTS: dict[str, str] = dict(
    [
        keyed("title", "Workshop comparison"),
        keyed("summary", "Key: {file} — {teams} teams compared"),
        keyed("kappa", "Fleiss' kappa across teams: {kappa} ({band})"),
        keyed("kappa_none", "Fleiss' kappa: not available (fewer than two teams)"),
        keyed(
            "kappa_undefined",
            "Fleiss' kappa: not defined (every answer falls in one status: agreement by chance "
            "is total)",
        ),
        keyed("refused", "Refused files:"),
        keyed("tab_scores", "Team scores"),
        keyed("tab_heat", "Heat map"),
        keyed("tab_disputed", "Disputed items"),
        keyed("tab_outline", "Consolidated outline"),
        keyed("team", "Team"),
        keyed("overall", "Overall"),
        keyed("key", "Answer key"),
        keyed("item", "Item"),
        keyed("question", "Question"),
        keyed("answers", "Team answers"),
        keyed("agreement", "Agreement"),
        keyed("rationale", "Key's rationale"),
        keyed("action", "Action"),
        keyed("items", "Items"),
        keyed("teams", "Proposed by"),
        keyed("horizon", "Horizon"),
        keyed("differs", "differs from the key"),
    ]
)


TEXTS.update(BAND_LABELS)


def _t(name: str, **fields: object) -> str:
    return keyed_text(TEXTS, name, language(), **fields)


def _percent(value: float | None) -> str:
    """A share as the debrief writes it (the number format of the preferences)."""
    return "–" if value is None else format_share(value, language())


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        cell.setToolTip(tooltip)
    return cell


def _table(headers: Sequence[str], rows: int) -> QTableWidget:
    table = read_only_table(None, headers, rows=rows)
    table.setWordWrap(True)
    return table


class TrainerView(QWidget):
    """A comparison of team files with the answer key.

    Parameters
    ----------
    comparison
        From :func:`avsec.workshop.compare.compare_files`.
    parent
        The parent widget.
    """

    def __init__(self, comparison: Comparison, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(_t("title"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.kappa_label = QLabel()
        self.refused_label = QLabel()
        self.refused_label.setWordWrap(True)
        self.refused_label.setStyleSheet("color: #9B1C1C;")
        self.tabs = QTabWidget()
        for widget in (self.summary_label, self.kappa_label, self.refused_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.scores_table = QTableWidget()
        self.heat_table = QTableWidget()
        self.disputed_table = QTableWidget()
        self.outline_table = QTableWidget()
        self.set_comparison(comparison)

    @classmethod
    def from_files(
        cls, key: Path, teams: Sequence[Path], parent: QWidget | None = None
    ) -> TrainerView:
        """Compare ``teams`` with ``key`` and show the result (refused files are listed).

        Raises
        ------
        avsec.core.errors.AvsecError
            The key cannot be read, or no team file can be compared.
        """
        return cls(compare_files(Path(key), [Path(t) for t in teams]), parent)

    # --- filling ---------------------------------------------------------------------------

    def set_comparison(self, comparison: Comparison) -> None:
        """Show ``comparison`` (replacing what was shown)."""
        self.comparison = comparison
        lang = language()
        self.summary_label.setText(
            _t("summary", file=comparison.key_path.name, teams=len(comparison.teams))
        )
        kappa = comparison.fleiss_kappa
        if kappa is None:
            many = len(comparison.teams) >= 2
            self.kappa_label.setText(_t("kappa_undefined" if many else "kappa_none"))
        else:
            self.kappa_label.setText(
                _t(
                    "kappa",
                    kappa=format_number(kappa, language(), 2),
                    band=_t(f"band_{kappa_band(kappa)}"),
                )
            )
        refused = [f"{r.path.name}: {r.reason_in(lang)}" for r in comparison.refused]
        self.refused_label.setText(_t("refused") + "\n" + "\n".join(refused) if refused else "")
        self.refused_label.setVisible(bool(refused))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.scores_table = self._scores(comparison, lang)
        self.heat_table = self._heat_map(comparison, lang)
        self.disputed_table = self._disputed(comparison, lang)
        self.outline_table = self._outline(comparison, lang)
        self.tabs.addTab(self.scores_table, _t("tab_scores"))
        self.tabs.addTab(self.heat_table, _t("tab_heat"))
        self.tabs.addTab(self.disputed_table, _t("tab_disputed"))
        self.tabs.addTab(self.outline_table, _t("tab_outline"))
        add_estimates_tab(self.tabs, comparison)  # the teams' P(I) estimates, when recorded
        self.tabs.setCurrentIndex(max(0, current))

    def _scores(self, comparison: Comparison, lang: str) -> QTableWidget:
        areas = comparison.checklist.areas
        table = _table(
            [_t("team"), _t("overall")] + [pick(a.title, lang) for a in areas],
            len(comparison.teams),
        )
        for row, team in enumerate(comparison.teams):
            table.setItem(row, 0, _item(team.name, str(team.path)))
            values = [team.accuracy] + [team.areas.get(a.id) for a in areas]
            for col, value in enumerate(values, start=1):
                cell = _item(_percent(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is not None:
                    # Pale red to pale green: the room sees at a glance where a team struggled.
                    cell.setBackground(QBrush(QColor.fromHsvF(0.33 * value, 0.25, 1.0)))
                table.setItem(row, col, cell)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _heat_map(self, comparison: Comparison, lang: str) -> QTableWidget:
        items = comparison.items
        rows = [("", _t("key"))] + [(t.name, t.name) for t in comparison.teams]
        table = _table([i.id for i in items], len(rows))
        table.setVerticalHeaderLabels([label for _, label in rows])
        table.verticalHeader().setVisible(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        questions = {i.id: pick(i.question, lang) for i in comparison.checklist.items()}
        for col, entry in enumerate(items):
            for row, (team, label) in enumerate(rows):
                status = entry.key if not team else entry.answers.get(team, "not_assessed")
                differs = bool(team) and entry.key != "not_assessed" and status != entry.key
                tip = f"{entry.id} — {questions.get(entry.id, '')}\n{label}: {status_label(status)}"
                if differs:
                    tip += f" ({_t('differs')}: {status_label(entry.key)})"
                cell = _item("×" if differs else "", tip)
                cell.setData(Qt.ItemDataRole.UserRole, status)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setBackground(QBrush(QColor(STATUS_FILL[status])))
                cell.setForeground(QBrush(QColor("white" if status in DARK_FILLS else "black")))
                table.setItem(row, col, cell)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setDefaultSectionSize(46)
        return table

    def _disputed(self, comparison: Comparison, lang: str) -> QTableWidget:
        disputed = comparison.disputed(None)
        headers = [
            _t("item"),
            _t("question"),
            _t("key"),
            _t("answers"),
            _t("agreement"),
            _t("rationale"),
        ]
        table = _table(headers, len(disputed))
        for row, entry in enumerate(disputed):
            question = pick(comparison.checklist.item(entry.id).question, lang)
            grouped: dict[str, list[str]] = {}
            for team, status in entry.answers.items():
                grouped.setdefault(status, []).append(team)
            answers = "; ".join(
                f"{status_label(s)}: {', '.join(grouped[s])}" for s in CATEGORIES if s in grouped
            )
            rationale = comparison.rationale(entry.id, lang)
            values = [
                entry.id,
                question,
                status_label(entry.key),
                answers,
                _percent(entry.agreement),
                rationale,
            ]
            for col, value in enumerate(values):
                table.setItem(row, col, _item(value, value if col in (1, 3, 5) else ""))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((70, 320, 130, 260, 90, 320)):
            table.setColumnWidth(col, width)
        return table

    def _outline(self, comparison: Comparison, lang: str) -> QTableWidget:
        outline = comparison.consolidated_outline(lang)
        total = len(comparison.teams)
        table = _table([_t("action"), _t("items"), _t("teams"), _t("horizon")], len(outline))
        for row, action in enumerate(outline):
            proposed = f"{len(action.teams)}/{total}: {', '.join(action.teams)}"
            values = [
                action.title,
                ", ".join(action.items),
                proposed,
                horizon_label(action.horizon),
            ]
            for col, value in enumerate(values):
                table.setItem(row, col, _item(value, value if col in (0, 2) else ""))
        for col, width in enumerate((420, 90, 260, 150)):
            table.setColumnWidth(col, width)
        return table
