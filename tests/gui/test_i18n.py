"""Every visible string exists in Spanish, and a Spanish window shows no English left over."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
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
from avsec.gui.labels import all_label_strings

GUI = Path(i18n.__file__).parent


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
    missing = [
        f"{name}:{line}: {text!r}" for name, line, text in _tr_literals() if text not in i18n.ES
    ]
    assert not missing, "\n".join(missing)


def test_every_label_and_menu_has_spanish():
    from avsec.gui.action_registry import MENUS

    missing = [text for text in [*all_label_strings(), *MENUS] if text not in i18n.ES]
    assert not missing


def test_placeholders_survive_translation():
    import string

    formatter = string.Formatter()
    for english, spanish in i18n.ES.items():
        fields = sorted(f for _, f, _, _ in formatter.parse(english) if f is not None)
        assert fields == sorted(f for _, f, _, _ in formatter.parse(spanish) if f is not None), (
            english
        )


def test_tr_falls_back_to_english():
    i18n.set_language("es")
    assert i18n.tr("Open…") == "Abrir…"
    assert i18n.tr("No such string") == "No such string"
    i18n.set_language("fr")  # not shipped: English
    assert i18n.language() == "en"


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
            for english, spanish in i18n.ES.items():
                if (
                    english.replace("&", "") == line.strip()
                    and spanish.replace("&", "") != line.strip()
                ):
                    left.append(line)
    return sorted(set(left))


@pytest.mark.parametrize("view", ["walker", "map", "dashboard", "outline"])
def test_a_spanish_window_has_no_english_left(qtbot, preferences, assessment_path, view):
    from avsec.gui.main_window import MainWindow

    pytest.importorskip("avsec.report.figures")
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
