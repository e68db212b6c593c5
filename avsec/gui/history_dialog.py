"""View > History: the file's changes journal (who, when, what), with a filter.

The journal is append-only in the file (docs/architecture.md, *The file format*); this dialog
reads it and describes each row in the UI language, so an inspector can say who recorded
what and when, also for edits made in an earlier session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.i18n import N_, tr
from avsec.gui.labels import kind_label, status_label
from avsec.gui.widgets import read_only_table


def describe_change(what: str, before: Any, after: Any) -> str:
    """One journal row as a sentence in the UI language, starting with a capital."""
    text = _describe(what, before, after)
    return text[:1].upper() + text[1:]


def _describe(what: str, before: Any, after: Any) -> str:
    family, _, ident = what.partition(":")
    if family == "response":
        old = (before or {}).get("status", "not_assessed")
        new = (after or {}).get("status", "not_assessed")
        if old != new:
            return tr("{item} set to {status}").format(item=ident, status=status_label(new))
        return tr("{item}: notes or photos edited").format(item=ident)
    if family in _RECORD_SENTENCES:
        record = after or before or {}
        fields = {"kind": kind_label(str(record.get("kind", ""))), "title": record.get("title", "")}
        change = "added" if before is None else "deleted" if after is None else "edited"
        return tr(_RECORD_SENTENCES[family][change]).format(**fields)
    if family == "access_test":
        from avsec.core.access_tests import METHOD_LABELS  # pydantic: not at the app's start

        record = after or before or {}
        change = "added" if before is None else "deleted" if after is None else "edited"
        method = METHOD_LABELS.get(str(record.get("method", "")), N_("Other method"))
        return tr(_TEST_SENTENCES[change]).format(at=record.get("at", ident), method=tr(method))
    if family == "batch":
        # The batch's own sentence as recorded; sentences avsec writes itself (the training
        # airport's) are catalogue msgids and read in the UI language.
        return tr(ident)
    if family in _SENTENCES:
        return tr(_SENTENCES[family])
    return what


#: Journal lines of an added, deleted or edited layout feature or action.
_RECORD_SENTENCES = {
    "feature": {
        "added": N_("{kind} added"),
        "deleted": N_("{kind} deleted"),
        "edited": N_("{kind} edited"),
    },
    "action": {
        "added": N_("Action added: {title}"),
        "deleted": N_("Action deleted: {title}"),
        "edited": N_("Action edited: {title}"),
    },
}
#: Journal lines of an access-control test recorded, deleted or edited.
_TEST_SENTENCES = {
    "added": N_("Access test recorded at {at} ({method})"),
    "deleted": N_("Access test deleted at {at} ({method})"),
    "edited": N_("Access test edited at {at} ({method})"),
}
#: Journal lines that need no detail, by the family of their ``what``.
_SENTENCES = {
    "assessment": N_("Assessment details edited"),
    "attachment": N_("Photo stored"),
    "extra": N_("Visit data updated"),
    "analysis": N_("Analysis run"),
    "tracks": N_("GPS tracks imported"),
    "create": N_("File created"),
}


class HistoryDialog(QDialog):
    """A table of the journal rows, newest first; the filter matches any column."""

    def __init__(self, rows: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(tr("History"))
        self.resize(760, 520)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("history-filter")
        self.filter.setPlaceholderText(tr("Filter by person, date, item or text"))
        self.filter.setAccessibleName(tr("Filter"))
        self.filter.textChanged.connect(self._apply_filter)
        self.table = read_only_table(
            self, [tr("When"), tr("Who"), tr("What")], name="history-table", rows=len(rows)
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, change in enumerate(reversed(rows)):
            when = str(change.get("at", ""))[:19].replace("T", " ")
            text = describe_change(
                str(change.get("what", "")), change.get("before"), change.get("after")
            )
            for column, value in enumerate((when, str(change.get("who", "")), text)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(when, who, what) of the rows the filter lets through, as shown."""
        return [
            (self._text(r, 0), self._text(r, 1), self._text(r, 2))
            for r in range(self.table.rowCount())
            if not self.table.isRowHidden(r)
        ]

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self._text(row, c) for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)
