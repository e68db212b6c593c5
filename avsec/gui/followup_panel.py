"""Follow-up visits in the app: "Since the last visit" on the dashboard, "Last visit" per item.

Both read the ``last_visit`` record a follow-up file carries (see avsec.app.followup) and stay
hidden for a first visit.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.core.followup import since_last_visit
from avsec.core.i18n import pick
from avsec.gui.i18n import language, tr
from avsec.gui.labels import percent_text, status_label
from avsec.gui.session import Session
from avsec.gui.widgets import read_only_table


class SinceLastVisitBox(QGroupBox):
    """EI and weighted score per area then and now; items and actions since the last visit."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(tr("Since the last visit"), parent)
        self.setObjectName("since-last-visit")
        self.session = session
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = read_only_table(
            self,
            [tr("Area"), tr("EI then"), tr("EI now"), tr("Weighted then"), tr("Weighted now")],
            name="since-table",
            whole_rows=False,
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the comparison (hidden when the file is a first visit)."""
        doc = self.session.doc
        if doc.last_visit is None:
            self.hide()
            return
        since = since_last_visit(doc, doc.last_visit)
        titles = {a.id: pick(a.title, language()) for a in doc.checklist.areas}
        rows = [(titles.get(a.id, a.id), a) for a in since.areas]
        rows.append((tr("Overall"), since.overall))
        self.table.setRowCount(len(rows))
        for row, (title, trend) in enumerate(rows):
            values = (trend.then_ei, trend.now_ei, trend.then_weighted, trend.now_weighted)
            cells = [title, *(percent_text(v) for v in values)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.summary.setText(
            tr("Visit of {date}.").format(date=since.previous_date.isoformat())
            + " "
            + tr(
                "Items: {improved} improved, {regressed} regressed, {unchanged} unchanged."
            ).format(
                improved=len(since.improved),
                regressed=len(since.regressed),
                unchanged=len(since.unchanged),
            )
            + " "
            + tr("Actions: {verified} verified, {overdue} overdue, {not_done} not done.").format(
                verified=len(since.verified),
                overdue=len(since.overdue),
                not_done=len(since.not_done),
            )
        )
        self.show()


def last_visit_text(session: Session, item_id: str) -> str:
    """Rich text of what the last visit found of ``item_id`` ('' for a first visit)."""
    last_visit = session.doc.last_visit
    if last_visit is None:
        return ""
    answer = last_visit.responses.get(item_id)
    if answer is None:
        return html.escape(tr("Last visit ({date}): not assessed").format(date=last_visit.date))
    text = tr("Last visit ({date}): {status}").format(
        date=last_visit.date, status=status_label(str(answer.status))
    )
    out = f"<b>{html.escape(text)}</b>"
    if answer.notes:
        out += "<br/>" + html.escape(answer.notes).replace("\n", "<br/>")
    if answer.photos:
        out += "<br/>" + html.escape(tr("Photos: {count}").format(count=len(answer.photos)))
    return out
