"""Every visible string exists in Spanish, and a Spanish window shows no English left over.

The Spanish comes from the compiled catalogue the app reads
(``assets/translations/es/LC_MESSAGES/avsec.mo``); tests/io/test_translations.py checks that
catalogue against its .po and the .pot.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
)

from avsec.gui import i18n
from avsec.io.translations import DOMAIN, translations_folder

GUI = Path(i18n.__file__).parent


def _spanish() -> dict[str, str]:
    """The app's Spanish: English msgid -> translation (messages without a context)."""
    path = translations_folder().joinpath("es", "LC_MESSAGES", f"{DOMAIN}.mo")
    with path.open("rb") as stream:
        catalog = read_mo(stream)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.context is None}


ES = _spanish()


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _tr_literals() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                text = _literal(node.args[0])
                if text is not None:
                    found.append((path.name, node.lineno, text))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ActionSpec":
                for arg in node.args[1:2]:  # the action text
                    text = _literal(arg)
                    if text is not None:
                        found.append((path.name, node.lineno, text))
    return found


def test_every_tr_literal_has_spanish():
    """Also the tr() calls inside f-strings, which pybabel cannot see (marked in i18n.py)."""
    missing = [f"{name}:{line}: {text!r}" for name, line, text in _tr_literals() if text not in ES]
    assert not missing, "\n".join(missing)


def test_every_label_menu_tab_and_column_has_spanish():
    """Strings translated through a variable are marked with N_() where they are defined."""
    from avsec.gui import labels
    from avsec.gui.action_registry import MENUS
    from avsec.gui.outline_model import COLUMNS
    from avsec.gui.workspace import _TITLES

    tables = [
        labels.STATUS_LABELS,
        labels.KIND_LABELS,
        labels.FIELD_LABELS,
        labels.VALUE_LABELS,
        labels.RULE_LABELS,
        labels.HORIZON_LABELS,
        labels.ACTION_STATUS_LABELS,
        labels.SEVERITY_LABELS,
        labels.WEIGHT_LABELS,
        labels.PROVISION_KIND_LABELS,
        labels.RELATIONSHIP_LABELS,
        labels.DRAW_TIPS,
    ]
    shown = [
        *(label for table in tables for label in table.values()),
        *MENUS,
        *_TITLES.values(),
        *(title for _, title in COLUMNS),
    ]
    missing = [text for text in shown if text not in ES]
    assert not missing


def test_one_status_table_for_app_report_and_plan():
    """The app's status labels are the report's and the action plan's (one table in core)."""
    from avsec.gui.labels import horizon_label, status_label
    from avsec.report.text import horizon_label as report_horizon
    from avsec.report.text import status_label as report_status

    i18n.set_language("es")
    try:
        assert status_label("partially_compliant") == "Parcialmente conforme"
        assert status_label("not_compliant") == report_status("not_compliant", "es")
        assert horizon_label("immediate") == "Inmediato (hasta 14 días)"
        assert horizon_label("short") == report_horizon("short", "es")
    finally:
        i18n.set_language("en")


def test_tr_falls_back_to_english():
    i18n.set_language("es")
    assert i18n.tr("Open…") == "Abrir…"
    assert i18n.tr("No such string") == "No such string"
    i18n.set_language("de")  # not offered: English
    assert i18n.language() == "en"
    assert i18n.tr("Open…") == "Open…"
    i18n.set_language("fr")
    try:
        assert i18n.language() == "fr"
        # A message the French catalogue lacks shows in English, never empty.
        assert i18n.tr("No such string") == "No such string"
    finally:
        i18n.set_language("en")


def test_the_four_languages_of_the_oas_are_offered():
    assert i18n.LANGUAGES == ("en", "es", "pt", "fr")
    assert i18n.LANGUAGE_NAMES == {
        "en": "English",
        "es": "Español",
        "pt": "Português",
        "fr": "Français",
    }


def test_numbers_follow_the_number_format_apart_from_the_language():
    from avsec.core.i18n import set_number_format

    i18n.set_language("es")
    try:
        assert i18n.number(1234.5) == "1.234,5"
        set_number_format("es_MX")  # Spanish words, Mexican numbers
        assert i18n.number(1234.5) == "1,234.5"
        assert i18n.tr("Open…") == "Abrir…"
    finally:
        set_number_format(None)
        i18n.set_language("en")
    assert i18n.number(1234.5) == "1,234.5"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", {"Aceptar", "Cancelar", "Cerrar"}),
        ("pt", {"OK", "Cancelar", "Fechar"}),  # qtbase_pt_BR.qm
        ("fr", {"OK", "Annuler", "Fermer"}),
    ],
)
def test_qt_own_buttons_come_from_the_qtbase_translations(qtbot, lang, expected):
    """OK / Cancel are Qt's words, translated by Qt's own catalogue, not relabelled by hand."""
    from PySide6.QtWidgets import QDialogButtonBox

    i18n.set_language(lang)
    try:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
        )
        qtbot.addWidget(buttons)
        texts = {b.text().replace("&", "") for b in buttons.buttons()}
        assert texts == expected
    finally:
        i18n.set_language("en")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text().replace("&", "") == "Cancel"


def _visible_texts(root) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(object)]:
        if not hasattr(widget, "isVisibleTo") or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(i, widget.orientation())) for i in range(model.columnCount())
            ]
    for action in root.findChildren(object):
        if hasattr(action, "menu") and hasattr(action, "text") and callable(action.text):
            try:
                texts.append(action.text())
            except TypeError:
                pass
    return [t for t in texts if isinstance(t, str) and t]


def _english_left(texts: list[str]) -> list[str]:
    left = []
    for text in texts:
        for line in text.replace("&", "").split("\n"):
            for english, spanish in ES.items():
                if (
                    english.replace("&", "") == line.strip()
                    and spanish.replace("&", "") != line.strip()
                ):
                    left.append(line)
    return sorted(set(left))


@pytest.mark.parametrize("view", ["walker", "map", "dashboard", "outline"])
def test_a_spanish_window_has_no_english_left(qtbot, preferences, assessment_path, view):
    from avsec.gui.main_window import MainWindow

    i18n.set_language("es")
    window = MainWindow(preferences)
    qtbot.addWidget(window)
    window.show()
    assert _english_left(_visible_texts(window)) == []  # the start page
    assert window.open_file(assessment_path)
    window.session.set_status("PER-01", "not_compliant")
    window.show_view(view)
    if view == "outline":
        window.workspace.outline_editor().regenerate()
    texts = _visible_texts(window)
    assert "Lista de verificación" in texts
    assert _english_left(texts) == []
    tree: QTreeWidget = window.workspace.walker.tree
    assert tree.topLevelItem(0).text(0) == "Perímetro"
