"""A provision's summary and its crosswalk to the other frameworks.

Opened by clicking a reference on an item page; related provisions are links too, so the
inspector can follow A17:4.2.1 to EU 2015/1998 1.2.1 and on.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.core.i18n import pick
from avsec.gui.i18n import language, tr
from avsec.gui.labels import PROVISION_KIND_LABELS, RELATIONSHIP_LABELS
from avsec.gui.widgets import read_only_table

_INVERSE = {"subset": "superset", "superset": "subset", "equal": "equal", "intersect": "intersect"}


def crosswalk_rows(catalogue: Any, provision_id: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(related id, related title, relationship seen from ``provision_id``, rationale) rows."""
    rows = []
    for _walk, mapping in catalogue.crosswalk_for(provision_id):
        if mapping.source == provision_id:
            other, relationship = mapping.target, mapping.relationship
        else:
            other, relationship = mapping.source, _INVERSE[mapping.relationship]
        related = catalogue.get(other)
        title = pick(related.title, lang) if related is not None else ""
        rows.append((other, title, relationship, pick(mapping.rationale, lang)))
    return rows


class ProvisionDialog(QDialog):
    """Shows one provision; clicking a related provision shows that one.

    Parameters
    ----------
    provision_id
        E.g. "A17:4.2.1".
    catalogue
        The provision catalogue; loaded from the bundled data when None.
    """

    def __init__(self, provision_id: str, catalogue: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("provision-dialog")
        self.resize(720, 480)
        self.catalogue = catalogue
        self.error = ""
        if self.catalogue is None:
            from avsec.core.errors import AvsecError
            from avsec.io.checklists import load_catalogue

            try:
                self.catalogue = load_catalogue()
            except (AvsecError, OSError) as exc:
                self.error = tr("The provision catalogue could not be loaded: {error}").format(
                    error=exc
                )
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("provision-summary")
        self.note = QLabel(
            tr("Summary in our own words; read the source document for the exact text."), self
        )
        self.note.setStyleSheet("color: #5f6b73; font-size: 11px;")
        self.table = read_only_table(
            self,
            [tr("Related provision"), tr("Relationship"), tr("Rationale")],
            name="crosswalk-table",
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 250)
        self.table.setWordWrap(True)
        self.table.cellActivated.connect(self._on_cell_activated)
        self.crosswalk_label = QLabel("<b>" + html.escape(tr("Crosswalk")) + "</b>", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.crosswalk_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.show_provision(provision_id)

    def show_provision(self, provision_id: str) -> None:
        """Show ``provision_id`` and its crosswalk."""
        lang = language()
        self.provision_id = provision_id
        self.setWindowTitle(tr("Provision {id}").format(id=provision_id))
        self.table.setRowCount(0)
        provision = self.catalogue.get(provision_id) if self.catalogue is not None else None
        if provision is None:
            self.heading.setText(f"<h3>{html.escape(provision_id)}</h3>")
            self.summary.setText(
                self.error or tr("{id} is not in the provision catalogue.").format(id=provision_id)
            )
            return
        kind = tr(PROVISION_KIND_LABELS.get(provision.kind, provision.kind))
        unconfirmed = (
            "<br><i>" + html.escape(tr("Confidence: unconfirmed")) + "</i>"
            if provision.confidence == "unconfirmed"
            else ""
        )
        self.heading.setText(
            f"<h3>{html.escape(provision.id)} — {html.escape(pick(provision.title, lang))}</h3>"
            f"{html.escape(kind)} · {html.escape(provision.framework)}{unconfirmed}"
        )
        self.summary.setText(html.escape(pick(provision.summary, lang)))
        rows = crosswalk_rows(self.catalogue, provision_id, lang)
        if not rows:
            self.table.setRowCount(1)
            self.table.setItem(
                0, 0, QTableWidgetItem(tr("No crosswalk mapping names this provision."))
            )
            self.table.setSpan(0, 0, 1, 3)
            return
        self.table.setRowCount(len(rows))
        for row, (other, title, relationship, rationale) in enumerate(rows):
            first = QTableWidgetItem(f"{other}  {title}".strip())
            first.setData(256, other)
            first.setToolTip(title)
            self.table.setItem(row, 0, first)
            self.table.setItem(row, 1, QTableWidgetItem(tr(RELATIONSHIP_LABELS[relationship])))
            self.table.setItem(row, 2, QTableWidgetItem(rationale))
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)  # type: ignore[call-overload]  # Qt accepts None: no current item

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the rows to the wrapped rationale once the columns have their widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Keep the wrapped rows fitted when the dialog is resized."""
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def _on_cell_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        other = item.data(256) if item is not None else None
        if other:
            self.show_provision(other)
