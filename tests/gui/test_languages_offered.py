"""Preferences, the report dialog and the assessment details offer the four languages."""

from __future__ import annotations

from avsec.gui import i18n
from avsec.gui.assessment_dialog import AssessmentDialog
from avsec.gui.preferences_dialog import PreferencesDialog
from avsec.gui.report_dialog import ReportDialog

FOUR = ["en", "es", "pt", "fr"]


def _codes(combo) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_preferences_offer_and_keep_portuguese_and_french(qtbot, preferences) -> None:
    dialog = PreferencesDialog(preferences)
    qtbot.addWidget(dialog)
    assert _codes(dialog.language) == FOUR
    assert dialog.language.itemText(2) == "Português"
    preferences.language = "fr"
    assert preferences.language == "fr"
    preferences.language = "de"  # never offered: not kept
    assert preferences.language == ""


def test_the_report_dialog_offers_the_four_languages(qtbot) -> None:
    dialog = ReportDialog("report.pdf")
    qtbot.addWidget(dialog)
    assert _codes(dialog.lang) == FOUR


def test_a_marking_field_per_language(qtbot, opened) -> None:
    i18n.set_language("fr")
    try:
        dialog = AssessmentDialog(opened.session.doc.assessment, opened)
        qtbot.addWidget(dialog)
        assert list(dialog.markings) == FOUR
        dialog.markings["pt"].setText("RESERVADO")
        dialog.markings["fr"].clear()  # the standard French marking
        edited = dialog.edited()
        # The French window writes its rule parameters with a decimal comma.
        spin = next(iter(dialog.parameters.values()))
        assert "," in spin.textFromValue(2.44)
    finally:
        i18n.set_language("en")
    assert edited is not None
    assert edited.handling_marking["pt"] == "RESERVADO"
    assert edited.handling_marking["fr"].startswith("DIFFUSION RESTREINTE")
