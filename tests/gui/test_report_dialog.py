"""File > Write report: a dialog for path, language, password and "open when done"; the PDF
builds in the background while the window stays usable."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton


def _fill_dialog(out, password, seen):
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "report-dialog":
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.lang.currentData())
        dialog.path.setText(str(out))
        dialog.lang.setCurrentIndex(dialog.lang.findData("es"))
        dialog.password.setText(password)
        dialog.repeat.setText(password)
        [b for b in dialog.findChildren(QPushButton) if b.text() == "OK"][0].click()

    QTimer.singleShot(0, answer)


def test_report_in_the_background_with_language_and_password(qtbot, opened, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "informe"
    seen = []
    _fill_dialog(out, "s3cret", seen)
    opened.session.set_status("PER-01", "not_compliant")
    with qtbot.waitSignal(opened.reports.finished, timeout=60_000) as blocker:
        assert opened.reports.write_report()
        # The window stays usable while the PDF builds: a busy bar, and edits still work.
        assert opened.reports.busy()
        assert opened.statusBar().findChild(QProgressBar, "report-progress") is not None
        opened.session.set_status("PER-02", "compliant")
    assert seen == ["en"]  # the dialog proposes the UI language
    written = tmp_path / "informe.pdf"
    assert blocker.args == [str(written)]
    reader = PdfReader(str(written))
    assert reader.is_encrypted
    assert reader.decrypt("s3cret")
    text = reader.pages[0].extract_text()
    assert "RESTRINGIDO" in text.upper() or "Informe" in text or "informe" in text.lower()
    assert str(opened.session.doc.status_of("PER-02")) == "compliant"
    assert not opened.reports.busy()


def test_mismatched_passwords_are_refused_in_the_dialog(qtbot, opened, tmp_path):
    from avsec.gui.report_dialog import ReportDialog

    dialog = ReportDialog(str(tmp_path / "r.pdf"), opened)
    qtbot.addWidget(dialog)
    dialog.password.setText("a")
    dialog.repeat.setText("b")
    dialog._on_accept()
    assert dialog.result() == 0 and "differ" in dialog.message.text()
