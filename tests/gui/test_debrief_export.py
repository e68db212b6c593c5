"""Workshop > Compare teams: the debrief PDF is one button away, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.gui.test_trainer_view import workshop  # noqa: F401 - the fixture


def test_the_compare_dialog_exports_the_debrief_pdf(qtbot, workshop, tmp_path, monkeypatch):  # noqa: F811
    from pypdf import PdfReader

    from avsec.gui.compare_dialog import CompareDialog
    from avsec.gui.i18n import set_language

    key, teams = workshop
    set_language("es")
    dialog = CompareDialog.compare(key, teams[:2])
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "export-debrief")
    assert button.text() == "Exportar el informe de cierre (PDF)…"
    out = tmp_path / "debrief.pdf"
    monkeypatch.setattr("avsec.gui.dialogs.choose_save_file", lambda *a, **k: str(out))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "RESTRINGIDO" in text  # the handling marking on the pages
    assert "Andes" in text and "Caribe" in text
    # Never over the answer key.
    before = key.read_bytes()
    assert dialog.export_debrief(key) is None
    assert key.read_bytes() == before
    assert dialog.findChild(object, "error-box") is not None
