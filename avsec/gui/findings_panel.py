"""The numbered list of geometry findings; the selected one shows its message and items."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from avsec.core.findings import finding_label
from avsec.core.i18n import pick
from avsec.core.judgements import VERDICT_LABELS, Judgement
from avsec.gui.i18n import language, ngettext, number, tr
from avsec.gui.icons import marker_icon
from avsec.gui.labels import rule_label, severity_label
from avsec.gui.numbered_list_panel import RECORD_ID, NumberedListPanel, item_links
from avsec.gui.session import Session
from avsec.gui.style import SEVERITY_COLOURS


def value_text(value: float, unit: str) -> str:
    """A measured value with its unit in the current language ("35.2 m", "1 200,5 m²")."""
    unit = "m²" if unit == "m2" else unit
    return f"{number(value, 1)} {unit}"


def verdict_suffix(judgement: Judgement | None) -> str:
    """What the inspector decided, after a finding's row (" · False positive"), or ""."""
    if judgement is None:
        return ""
    parts = []
    if judgement.verdict != "open":
        parts.append(tr(VERDICT_LABELS[judgement.verdict]))
    if judgement.comment:
        parts.append(tr("commented"))
    return "".join(f" · {p}" for p in parts)


class FindingsPanel(NumberedListPanel):
    """Findings of the last analysis."""

    #: A finding was chosen in the list (finding id).
    finding_selected = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session, parent, name="findings-panel", list_name="findings-list", list_height=150
        )
        self.details = QLabel(self)
        self.details.setObjectName("finding-details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.linkActivated.connect(self.item_requested)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        # Judging the selected finding: the same four actions as the list's context menu.
        self.judge_buttons: dict[str, QPushButton] = {}
        # Two rows of two: one row of four widened the right pane and narrowed the map.
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for index, (key, text, tip) in enumerate(self._judge_actions()):
            button = QPushButton(text, self)
            button.setObjectName(f"judge-{key}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, k=key: self.judge_current(k))
            buttons.addWidget(button, index // 2, index % 2)
            self.judge_buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        session.findings_changed.connect(self.refresh)
        session.changed.connect(self._on_session_changed)
        self.refresh()

    @staticmethod
    def _judge_actions() -> list[tuple[str, str, str]]:
        """(key, button text, tooltip) of each way to judge a finding."""
        return [
            ("accepted", tr("Accept"), tr("The finding stands: accept it")),
            (
                "false_positive",
                tr("False positive…"),
                tr("The rule is wrong here: say why; the finding leaves the open findings"),
            ),
            ("comment", tr("Comment…"), tr("Add or change a comment on the finding")),
            ("open", tr("Reopen"), tr("Take back the judgement: the finding is open again")),
        ]

    def _update_judge_buttons(self) -> None:
        finding_id = self.current_finding()
        judgement = self.session.doc.judgements.get(finding_id) if finding_id else None
        verdict = judgement.verdict if judgement else "open"
        for key, button in self.judge_buttons.items():
            button.setEnabled(bool(finding_id) and key != verdict)
            # Shown only for a selected finding, so the list keeps its rows otherwise.
            button.setVisible(bool(finding_id))

    def judge_current(self, key: str) -> bool:
        """Judge the selected finding: "accepted", "false_positive" (asks the reason),
        "comment" (asks the text) or "open". False when nothing changed."""
        finding_id = self.current_finding()
        if not finding_id:
            return False
        from avsec.core.errors import AvsecError
        from avsec.core.findings import finding_label
        from avsec.gui.dialogs import show_error
        from avsec.gui.judgement_dialog import JudgementDialog

        label = finding_label(self.session.finding_number(finding_id))
        judgement = self.session.doc.judgements.get(finding_id)
        try:
            if key in ("false_positive", "comment"):
                mode = "reason" if key == "false_positive" else "comment"
                current = (
                    (judgement.reason if mode == "reason" else judgement.comment)
                    if (judgement)
                    else ""
                )
                dialog = JudgementDialog(label, mode, current, self)
                if dialog.exec() != JudgementDialog.DialogCode.Accepted:
                    return False
                if mode == "reason":
                    return self.session.judge(
                        finding_id, verdict="false_positive", reason=dialog.value()
                    )
                return self.session.judge(finding_id, comment=dialog.value())
            return self.session.judge(finding_id, verdict=key)
        except AvsecError as exc:
            show_error(self, tr("Cannot judge the finding"), exc)
            return False

    def _context_menu(self, position: QPoint) -> None:
        entry = self.list.itemAt(position)
        if entry is None:
            return
        self.list.setCurrentItem(entry)
        menu = QMenu(self)
        for key, text, _tip in self._judge_actions():
            action = menu.addAction(text)
            action.setObjectName(f"judge-menu-{key}")
            action.setEnabled(self.judge_buttons[key].isEnabled())
            action.triggered.connect(lambda _=False, k=key: self.judge_current(k))
        menu.exec(self.list.viewport().mapToGlobal(position))

    def refresh(self) -> None:
        """Re-list the findings (the selection stays)."""
        keep = self.current_finding()
        findings = self.session.doc.findings
        judgements = self.session.doc.judgements
        self.list.blockSignals(True)
        self.list.clear()
        listed: set[str] = set()
        for finding in findings:
            if finding.id in listed:
                continue  # the same gap stored twice keeps one number and one row
            listed.add(finding.id)
            # The numbers of the map markers, the item page, the outline and the report.
            number = self.session.finding_number(finding.id)
            text = (
                f"{finding_label(number)}. {rule_label(finding.rule)}\n"
                f"{value_text(finding.value, finding.unit)} · {severity_label(finding.severity)}"
                + verdict_suffix(judgements.get(finding.id))
            )
            row = QListWidgetItem(
                marker_icon(SEVERITY_COLOURS[finding.severity], finding_label(number)),
                text,
                self.list,
            )
            row.setData(RECORD_ID, finding.id)
            if finding.id in judgements and judgements[finding.id].verdict == "false_positive":
                row.setForeground(QColor("#5f6368"))  # set aside, still readable (5.9:1)
        self.list.blockSignals(False)
        if not findings:
            ran = self.session.has_analysis()
            self.summary.setText(
                tr("No findings: the layout passes every geometry rule.")
                if ran
                else tr("Run Analyse to check the layout against the geometry rules.")
            )
        else:
            self.summary.setText(
                ngettext("{count} finding", "{count} findings", len(listed)).format(
                    count=len(listed)
                )
            )
        self._show_staleness()
        self.details.clear()
        if keep:
            self.select(keep)
        self._update_judge_buttons()

    def is_stale(self) -> bool:
        """Whether the findings are out of date (the store keeps the flag)."""
        return self.session.has_analysis() and self.session.file.findings_stale()

    def _show_staleness(self) -> None:
        """Say so when the layout or the rule parameters changed after the last analysis."""
        stale = self.is_stale()
        self.summary.setStyleSheet("color: #e65100;" if stale else "")
        text = self.summary.text().split("\n")[0]
        if stale:
            text += "\n" + tr(
                "The findings are out of date: the layout or the rule parameters changed since"
                " the last analysis; run Analyse again."
            )
        self.summary.setText(text)

    def _on_session_changed(self, command: object) -> None:
        from avsec.gui.session import touched

        if touched(command).features or touched(command).assessment:  # type: ignore[arg-type]
            self._show_staleness()

    def select(self, finding_id: str) -> None:
        """Select a finding in the list (without emitting)."""
        if self._select_quietly(finding_id) is not None:
            self._show_details(finding_id)
            self._update_judge_buttons()

    def current_finding(self) -> str:
        """The selected finding's id ("" when none)."""
        return self.current_id()

    def _show_details(self, finding_id: str) -> None:
        finding = next((f for f in self.session.doc.findings if f.id == finding_id), None)
        if finding is None:
            self.details.clear()
            return
        lang = language()
        links = item_links(self.session.checklist, finding.items, lang)
        judgement = self.session.doc.judgements.get(finding_id)
        judged = ""
        if judgement is not None:
            if judgement.verdict == "false_positive":
                judged += "<p><b>{}</b>: {}</p>".format(
                    html.escape(tr("False positive")), html.escape(judgement.reason)
                )
            elif judgement.verdict == "accepted":
                judged += "<p><b>{}</b></p>".format(html.escape(tr("Accepted")))
            if judgement.comment:
                judged += "<p><b>{}</b>: {}</p>".format(
                    html.escape(tr("Comment")),
                    html.escape(judgement.comment).replace("\n", "<br>"),
                )
        self.details.setText(
            f"<p>{html.escape(pick(finding.message, lang))}</p>"
            + judged
            + (
                "<p><b>" + html.escape(tr("Checklist items")) + f"</b><br>{'<br>'.join(links)}</p>"
                if links
                else ""
            )
        )

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        finding_id = current.data(RECORD_ID)
        self._show_details(finding_id)
        self._update_judge_buttons()
        self.finding_selected.emit(finding_id)
