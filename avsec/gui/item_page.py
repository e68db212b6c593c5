"""One checklist item: question, guidance, evidence, references, what the visit observed about
it, status, notes, photos, findings.

Switching items must stay under 50 ms (benchmarks/bench_gui.py), so the page is built once
and only its texts change; thumbnails are cached per photo.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from avsec.core.access_tests import METHOD_LABELS, RESULT_LABELS, worst_status
from avsec.core.errors import AvsecError
from avsec.core.findings import finding_label, observation_label, suggested_status
from avsec.core.i18n import pick
from avsec.core.judgements import open_findings
from avsec.core.samples import sample_suggestion, worse
from avsec.core.textlimits import MAX_NOTES_CHARS
from avsec.gui import dialogs
from avsec.gui.dialogs import show_error
from avsec.gui.findings_panel import value_text, verdict_suffix
from avsec.gui.followup_panel import last_visit_text
from avsec.gui.i18n import language, tr
from avsec.gui.icons import marker_icon
from avsec.gui.labels import rule_label, severity_label, status_label, weight_label
from avsec.gui.photo_strip import PhotoStrip
from avsec.gui.sample_counter import SampleCounter
from avsec.gui.session import Session
from avsec.gui.status_selector import StatusSelector
from avsec.gui.style import OBSERVATION_COLOUR, SEVERITY_COLOURS
from avsec.gui.widgets import rich_text_label, selectable_label

#: Notes are written this long after the last keystroke (and at once on leaving the field).
NOTES_DELAY_MS = 800


class _NotesEdit(QPlainTextEdit):
    """Plain-text notes that report losing the focus (to save at once) and Escape (to hand
    the keys back to the checklist, so that 1-5 and J/K never type into a note)."""

    focus_lost = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_lost.emit()


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text.upper(), parent)
    label.setStyleSheet("color: #5f6b73; font-size: 11px; font-weight: bold; letter-spacing: 1px;")
    return label


class ItemPage(QScrollArea):
    """Shows and edits one item of the session's checklist."""

    #: Show this finding on the map (finding id).
    finding_requested = Signal(str)
    #: Place a photo on the map by hand (attachment id).
    photo_place_requested = Signal(str)
    #: Show this observation of the visit on the map (observation id).
    observation_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.item_id = ""
        self.setObjectName("item-page")
        session.findings_changed.connect(self.refresh_findings)
        session.changed.connect(self._on_session_changed)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self)
        page.setObjectName("item-page-body")
        self.meta = QLabel(page)
        self.meta.setObjectName("item-meta")
        self.meta.setStyleSheet("color: #5f6b73;")
        self.position = QLabel(page)
        self.position.setStyleSheet("color: #5f6b73;")
        self.question = selectable_label(page, "item-question")
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.question.setFont(font)
        self.unconfirmed = QLabel(tr("Unconfirmed provision: check the current edition."), page)
        self.unconfirmed.setStyleSheet("color: #e65100; font-style: italic;")
        self.guidance = selectable_label(page, "item-guidance")
        self.evidence = selectable_label(page, "item-evidence")
        self.references = QLabel(page)
        self.references.setObjectName("item-references")
        self.references.setWordWrap(True)
        self.references.setTextFormat(Qt.TextFormat.RichText)
        self.references.linkActivated.connect(self._on_reference_clicked)
        self.observations_heading = _heading(tr("Observations from the visit"), page)
        self.observations = rich_text_label(page, "item-observations")
        # A bar in the colour of the observation markers on the map ties the two together.
        self.observations.setStyleSheet(
            "QLabel { border-width: 0 0 0 3px; border-style: solid;"
            f" border-color: {OBSERVATION_COLOUR}; padding-left: 8px; }}"
        )
        self.observations.linkActivated.connect(self.observation_requested)
        self.status = StatusSelector(page)
        self.status.status_chosen.connect(self._on_status_chosen)
        self.sample = SampleCounter(page)  # items that ask to sample only
        self.sample.sample_changed.connect(self._on_sample_changed)
        self.notes = _NotesEdit(page)
        self.notes.setObjectName("item-notes")
        self.notes.setPlaceholderText(
            tr("What you saw, who you asked, what documents you checked…")
        )
        self.notes.setMinimumHeight(70)
        self.notes.setMaximumHeight(110)
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._on_notes_edited)
        self.notes.focus_lost.connect(self.commit_notes)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self.commit_notes)
        self._notes_dirty = False
        self.photos = PhotoStrip(session, page)
        self.photos.add_requested.connect(self.add_photo_dialog)
        self.photos.files_dropped.connect(self.add_photos)
        self.photos.open_requested.connect(self._on_open_photo)
        self.photos.remove_requested.connect(self._on_remove_photo)
        self.photos.edit_requested.connect(self.edit_photo)
        self.photos.place_requested.connect(self.photo_place_requested)
        session.attachments_changed.connect(self._on_attachments_changed)
        self.findings = QListWidget(page)
        self.findings.setObjectName("item-findings")
        self.findings.itemActivated.connect(self._on_finding_activated)
        self.no_findings = QLabel(
            tr("No geometry finding concerns this item. Run Analyse on the map."), page
        )
        self.no_findings.setStyleSheet("color: #5f6b73;")
        self.no_findings.setWordWrap(True)
        #: "x.x km of y.y km inspected (z %)" on the perimeter items when the file has tracks.
        self.inspected = QLabel(page)
        self.inspected.setObjectName("item-inspected")
        self.inspected.setWordWrap(True)
        self.inspected.hide()
        #: The access-control tests informing the item, and a button recording one.
        self.tests_heading = _heading(tr("Access-control tests"), page)
        self.tests = rich_text_label(page, "item-tests")
        self.record_test = QPushButton(tr("Record access test…"), page)
        self.record_test.setObjectName("item-record-test")
        self.record_test.clicked.connect(self.record_access_test)
        self._test_methods: list[str] = []
        self.test_dialog: QWidget | None = None
        self.suggestion = QLabel(page)
        self.suggestion.setObjectName("item-suggestion")
        self.use_suggestion = QPushButton(tr("Use suggested status"), page)
        self.use_suggestion.setObjectName("use-suggestion")
        self.use_suggestion.clicked.connect(self._on_use_suggestion)
        self.keys_hint = QLabel(tr("Keys: 1-5 status · J/K next/previous · Ctrl+F filter"), page)
        self.keys_hint.setStyleSheet("color: #5f6b73; font-size: 11px;")

        top = QHBoxLayout()
        top.addWidget(self.meta, 1)
        top.addWidget(self.position)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.use_suggestion)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.question)
        layout.addWidget(self.unconfirmed)
        layout.addSpacing(4)
        layout.addWidget(_heading(tr("Guidance"), page))
        layout.addWidget(self.guidance)
        layout.addWidget(_heading(tr("Evidence to look for"), page))
        layout.addWidget(self.evidence)
        layout.addWidget(_heading(tr("References"), page))
        layout.addWidget(self.references)
        # What the visit saw comes before the answer it informs.
        layout.addWidget(self.observations_heading)
        layout.addWidget(self.observations)
        layout.addSpacing(6)
        self.last_visit = selectable_label(page, "item-last-visit")  # follow-up visits only
        self.last_visit.setStyleSheet("background: #eef2f7; padding: 4px;")
        layout.addWidget(self.last_visit)
        layout.addWidget(_heading(tr("Status"), page))
        layout.addWidget(self.status)
        layout.addWidget(self.sample)
        layout.addWidget(_heading(tr("Notes"), page))
        layout.addWidget(self.notes)
        # Photos and findings side by side: the whole item fits a laptop screen.
        photos_column = QVBoxLayout()
        photos_column.addWidget(_heading(tr("Photos"), page))
        photos_column.addWidget(self.photos)
        photos_column.addStretch(1)
        findings_column = QVBoxLayout()
        findings_column.addWidget(_heading(tr("Geometry findings"), page))
        findings_column.addWidget(self.no_findings)
        findings_column.addWidget(self.findings)
        findings_column.addWidget(self.inspected)
        findings_column.addWidget(self.tests_heading)
        findings_column.addWidget(self.tests)
        test_row = QHBoxLayout()
        test_row.addWidget(self.record_test)
        test_row.addStretch(1)
        findings_column.addLayout(test_row)
        findings_column.addLayout(suggestion_row)
        findings_column.addStretch(1)
        evidence_row = QHBoxLayout()
        evidence_row.setSpacing(16)
        evidence_row.addLayout(photos_column, 1)
        evidence_row.addLayout(findings_column, 1)
        layout.addLayout(evidence_row)
        layout.addStretch(1)
        layout.addWidget(self.keys_hint)
        self.setWidget(page)
        self._provision_dialog: QWidget | None = None

    # --- showing ---------------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        """Show ``item_id`` (saving the notes and sample of the item shown before)."""
        self.commit_notes()
        self.sample.commit()
        self.item_id = item_id
        checklist = self.session.checklist
        item = checklist.item(item_id)
        area = checklist.area_of(item_id)
        lang = language()
        self.meta.setText(
            f"<b>{html.escape(item.id)}</b> · {html.escape(pick(area.title, lang))} · "
            + html.escape(tr("Weight"))
            + f": {html.escape(weight_label(item.weight))}"
        )
        ids = checklist.item_ids()
        self.position.setText(
            tr("Item {item} of {total}").format(item=ids.index(item_id) + 1, total=len(ids))
        )
        self.question.setText(pick(item.question, lang))
        self.unconfirmed.setVisible(item.confidence == "unconfirmed")
        self.sample.set_kind(item.sample)
        self.sample.setVisible(item.sample is not None)
        self.guidance.setText(pick(item.guidance, lang))
        self.evidence.setText(pick(item.evidence, lang))
        self.references.setText(
            " · ".join(
                f'<a href="{html.escape(ref)}">{html.escape(ref)}</a>' for ref in item.references
            )
        )
        self.refresh_observations()
        self.refresh_response()
        self.refresh_findings()
        self.last_visit.setText(last_visit_text(self.session, item_id))
        self.last_visit.setVisible(bool(self.last_visit.text()))
        self.verticalScrollBar().setValue(0)

    def shown_observations(self) -> list[str]:
        """Ids of the visit observations shown for the current item."""
        return [o.id for o in self.session.doc.observations if self.item_id in o.items]

    def refresh_observations(self) -> None:
        """List the observations of the visit that concern the shown item.

        The training airport and every exercise or team file carry the visit narrative: each
        observation says where it was made and which items it informs. The text is in the
        current language; "Show on map" points at the place.
        """
        lang = language()
        numbers = {o.id: n for n, o in enumerate(self.session.doc.observations, start=1)}
        show_on_map = html.escape(tr("Show on map"))
        untitled = tr("Observation")
        blocks = []
        for observation in self.session.doc.observations:
            if self.item_id not in observation.items:
                continue
            place = html.escape(observation.place_in(language()) or untitled)
            link = (
                f' · <a href="{html.escape(observation.id)}">{show_on_map}</a>'
                if observation.location is not None
                else ""
            )
            text = html.escape(pick(observation.text, lang)).replace("\n", "<br>")
            blocks.append(
                f"<p><b>{observation_label(numbers[observation.id])}. {place}</b>{link}<br>{text}</p>"
            )
        self.observations.setText("".join(blocks))
        self.observations.setVisible(bool(blocks))
        self.observations_heading.setVisible(bool(blocks))

    def refresh_response(self) -> None:
        """Re-read status, notes and photos of the shown item."""
        if not self.item_id:
            return
        response = self.session.response(self.item_id)
        self.status.set_status(str(response.status) if response else "not_assessed")
        notes = response.notes if response else ""
        if notes != self.notes.toPlainText():
            self.notes.blockSignals(True)
            self.notes.setPlainText(notes)
            self.notes.blockSignals(False)
        self._notes_dirty = False
        self.sample.set_counts(
            response.sample_size if response else None, response.failures if response else None
        )
        self.photos.show_photos(list(response.photos) if response else [])

    def refresh_findings(self) -> None:
        """Re-list the geometry findings of the shown item and its suggested status."""
        if not self.item_id:
            return
        # One row per gap, as on the map and in the findings list (a gap stored twice is one).
        findings = list(
            {f.id: f for f in self.session.doc.findings_for_item(self.item_id)}.values()
        )
        self.findings.clear()
        lang = language()
        for finding in findings:
            number = self.session.finding_number(finding.id)
            value = value_text(finding.value, finding.unit)
            text = (
                f"{finding_label(number)}. {rule_label(finding.rule)} — {value}"
                f" ({severity_label(finding.severity)})"
            )
            entry = QListWidgetItem(
                marker_icon(SEVERITY_COLOURS[finding.severity], finding_label(number)),
                text + verdict_suffix(self.session.doc.judgements.get(finding.id)),
                self.findings,
            )
            entry.setData(Qt.ItemDataRole.UserRole, finding.id)
            entry.setToolTip(pick(finding.message, lang) + "\n" + tr("Show on map"))
        # As tall as its rows (up to four): one finding should not leave a tall empty box.
        rows = max(1, min(len(findings), 4))
        self.findings.setFixedHeight(
            rows * (self.findings.sizeHintForRow(0) if findings else 24) + 6
        )
        self.findings.setVisible(bool(findings))
        self.no_findings.setVisible(not findings)
        # A finding judged a false positive is listed, but suggests nothing; a test that got
        # through suggests as a finding does (the worse of the two is shown).
        judgements = self.session.doc.judgements
        # A counted sample (avsec.core.samples) and the access tests suggest too; the worst
        # suggestion is shown.
        from_tests = self.refresh_tests()
        suggested = worse(
            worst_status(suggested_status(open_findings(findings, judgements)), from_tests),
            sample_suggestion(
                self.session.checklist.item(self.item_id), self.session.response(self.item_id)
            ),
        )
        if suggested:
            self.suggestion.setText(
                tr("Suggested status: {status}").format(status=status_label(suggested))
            )
        self.suggestion.setVisible(bool(suggested))
        current = self.session.doc.status_of(self.item_id)
        self.use_suggestion.setVisible(bool(suggested) and suggested != current)
        self._suggested = suggested
        self.refresh_inspected()

    def refresh_tests(self) -> str | None:
        """List the access-control tests whose method informs the shown item; return the
        status they suggest."""
        from avsec.app.access_tests import item_tests, methods_for_item

        checklist = self.session.checklist
        self._test_methods = methods_for_item(checklist, self.item_id)
        linked, suggested = item_tests(checklist, self.session.doc.access_tests, self.item_id)
        names = {f.id: f.label(language()) or f.id for f in self.session.doc.features}
        lines = [
            "{when} · {at} · {method}: <b>{result}</b>".format(
                when=t.when.strftime("%Y-%m-%d %H:%M"),
                at=html.escape(str(names.get(t.at, t.at))),
                method=html.escape(tr(METHOD_LABELS[t.method])),
                result=html.escape(tr(RESULT_LABELS[t.result])),
            )
            for t in linked
        ]
        self.tests.setText("<br>".join(lines))
        shown = bool(self._test_methods) or bool(linked)
        self.tests_heading.setVisible(shown)
        self.tests.setVisible(bool(linked))
        self.record_test.setVisible(bool(self._test_methods))
        return suggested

    def record_access_test(self) -> None:
        """Open the access-test dialog with the methods that inform the shown item first."""
        from avsec.gui.access_test_dialog import open_test_dialog

        self.test_dialog = open_test_dialog(self.session, self, methods=self._test_methods)

    def _on_session_changed(self, command: object) -> None:
        changes = getattr(command, "changes", None)
        if self.item_id and changes is not None and changes().tests:
            self.refresh_findings()

    def refresh_inspected(self) -> None:
        """Show how much of the fence the GPS tracks inspected, on the perimeter items."""
        text = ""
        if self.session.doc.tracks:  # the geometry loads only for a file with tracks
            from avsec.gui.map_tracks import inspected_label

            text = inspected_label(self.session.doc, self.item_id)
        self.inspected.setText(text)
        self.inspected.setVisible(bool(text))

    # --- editing ---------------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        """Record ``status`` for the shown item."""
        if self.item_id:
            self.commit_notes()
            self.session.set_status(self.item_id, status)

    def _on_status_chosen(self, status: str) -> None:
        self.set_status(status)

    def _on_sample_changed(self, sample_size: int, failures: int) -> None:
        if not self.item_id:
            return
        try:
            self.session.set_sample(self.item_id, sample_size or None, failures)
        except AvsecError as exc:
            show_error(self, tr("Cannot record the sample"), exc)
            self.refresh_response()

    def _on_use_suggestion(self) -> None:
        suggested = getattr(self, "_suggested", None)
        if suggested:
            self.set_status(suggested)

    def _on_notes_edited(self) -> None:
        if len(self.notes.toPlainText()) > MAX_NOTES_CHARS:
            # The documented limit of a note: a paste beyond it is cut and the user told.
            self.notes.blockSignals(True)
            self.notes.setPlainText(self.notes.toPlainText()[:MAX_NOTES_CHARS])
            self.notes.moveCursor(QTextCursor.MoveOperation.End)
            self.notes.blockSignals(False)
            self.notes.setToolTip(
                tr("A note holds at most {count} characters; the rest was not kept.").format(
                    count=f"{MAX_NOTES_CHARS:,}"
                )
            )
        self._notes_dirty = True
        self._notes_timer.start()

    def commit_notes(self) -> None:
        """Write the notes being typed now (no-op when nothing changed)."""
        self._notes_timer.stop()
        if not self._notes_dirty or not self.item_id:
            return
        self._notes_dirty = False
        self.session.set_notes(self.item_id, self.notes.toPlainText())

    def add_photo_dialog(self) -> None:
        """Ask for photo files and add them to the shown item."""
        paths = dialogs.choose_images(self, tr("Choose photos"), many=True)
        if paths:
            self.add_photos(paths)

    def add_photos(self, paths: list[str]) -> None:
        """Add photo files to the shown item (each file on its own; errors are shown)."""
        if not self.item_id:
            return
        self.commit_notes()
        for path in paths:
            try:
                self.session.add_photo(self.item_id, path)
            except AvsecError as exc:
                show_error(self, tr("Cannot add the photo"), exc)

    def _on_open_photo(self, attachment_id: str) -> None:
        from avsec.gui.photo_viewer import PhotoViewer

        viewer = PhotoViewer(self.session, attachment_id, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def edit_photo(self, attachment_id: str) -> None:
        """Caption, rotate and mark up a photo (a dialog; OK is one undoable edit)."""
        from avsec.gui.photo_editor import PhotoEditor

        editor = PhotoEditor(self.session, attachment_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()

    def _on_attachments_changed(self) -> None:
        if self.item_id:
            response = self.session.response(self.item_id)
            self.photos.show_photos(list(response.photos) if response else [])

    def _on_remove_photo(self, attachment_id: str) -> None:
        self.session.remove_photo(self.item_id, attachment_id)

    def _on_finding_activated(self, entry: QListWidgetItem) -> None:
        self.finding_requested.emit(entry.data(Qt.ItemDataRole.UserRole))

    def _on_reference_clicked(self, provision_id: str) -> None:
        from avsec.gui.provision_dialog import ProvisionDialog

        dialog = ProvisionDialog(provision_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._provision_dialog = dialog
        dialog.show()
