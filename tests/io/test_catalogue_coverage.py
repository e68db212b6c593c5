"""Every string the code shows is in the catalogue of each complete language, none bypasses gettext.

The code is read as a tree (no import, no Qt): each literal handed to a translation call
(``tr``, ``N_``, ``translate``, ``ntranslate``, ``ngettext``, ``in_languages``, ``keyed``,
``keyed_plural``, an ``ActionSpec`` title) must have a Spanish translation in the compiled
catalogue the app reads; and a literal with letters handed straight to a Qt text setter
(``setText("Open")``, ``QLabel("Name")``) is a string that skipped the catalogue.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from avsec.io.translations import DOMAIN, translations_folder
from tests.languages import TRANSLATED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "avsec"
LETTERS = re.compile(r"[A-Za-z]")

#: call name -> positions of its msgids; ``c`` marks the position of the context.
MARKERS: dict[str, tuple[str | int, ...]] = {
    "tr": (0,),
    "_": (0,),
    "N_": (0,),
    "translate": (0,),
    "in_languages": (0,),
    "ngettext": (0, 1),
    "ntranslate": (0, 1),
    "keyed": ("c", 1),
    "keyed_plural": ("c", 1, 2),
    "ActionSpec": (1,),
}
#: Qt calls whose first argument is shown to the user.
QT_TEXT_CALLS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "addTab",
    "addItem",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
}
#: Shown as written in every language: the product's name.
UNTRANSLATED = {"avsec"}
Key = tuple[str | None, str]


def _compiled(lang: str) -> dict[Key, tuple[str, ...]]:
    path = translations_folder().joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    with path.open("rb") as stream:
        catalog = read_mo(stream)
    found: dict[Key, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id:
            continue
        # Plural messages come as lists: (singular, plural) and one string per form.
        ids = message.id if isinstance(message.id, list | tuple) else (message.id,)
        forms = message.string if isinstance(message.string, list | tuple) else (message.string,)
        for msgid in ids:
            found[(message.context, str(msgid))] = tuple(str(f) for f in forms)
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _calls() -> list[tuple[Path, ast.Call]]:
    found = []
    for path in sorted(CODE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [(path, node) for node in ast.walk(tree) if isinstance(node, ast.Call)]
    return found


CALLS = _calls()


def marked_messages() -> list[tuple[str, Key]]:
    """(where, (context, msgid)) of every literal handed to a translation call."""
    found = []
    for path, call in CALLS:
        positions = MARKERS.get(_name(call))
        if positions is None:
            continue
        if _name(call) == "tr" and len(call.args) != 1:
            continue  # the report's and debrief's tr(key, lang): a key of their keyed() tables
        context = None
        if "c" in positions:
            context = _literal(call.args[0]) if call.args else None
        for position in positions:
            if position == "c" or not isinstance(position, int) or position >= len(call.args):
                continue
            text = _literal(call.args[position])
            if text is not None and LETTERS.search(text):
                where = f"{path.relative_to(ROOT)}:{call.lineno}"
                found.append((where, (context, text)))
    return found


def test_the_code_marks_its_strings():
    """A sanity floor: the walk finds the app's, report's, CAP's and messages' strings."""
    files = {where.split(":")[0] for where, _ in marked_messages()}
    for module in (
        "avsec/gui/main_window.py",
        "avsec/report/text.py",
        "avsec/io/cap.py",
        "avsec/geo/messages.py",
        "avsec/core/labels.py",
        "avsec/workshop/debrief.py",
    ):
        assert module in files
    assert len(marked_messages()) > 400


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_every_marked_string_has_a_translation(lang):
    """Each complete language (tests/languages.py) translates every string the code marks."""
    compiled = _compiled(lang)
    missing = [
        f"{where}: {key[1]!r}" + (f" (context {key[0]})" if key[0] else "")
        for where, key in marked_messages()
        if not all(compiled.get(key, ("",)))
    ]
    assert not missing, "not in the catalogue or untranslated:\n" + "\n".join(missing)


def test_no_visible_qt_text_skips_the_catalogue():
    bare = []
    for path, call in CALLS:
        if _name(call) not in QT_TEXT_CALLS:
            continue
        for arg in call.args[:2]:
            text = _literal(arg)
            if text is not None and LETTERS.search(text) and text not in UNTRANSLATED:
                bare.append(f"{path.relative_to(ROOT)}:{call.lineno}: {text!r}")
    assert not bare, "shown without tr():\n" + "\n".join(bare)


def test_no_spanish_written_in_code():
    """Spanish lives in the catalogues: no string literal of the code carries it."""
    spanish = re.compile(r"[áéíóúñ¿¡]", re.IGNORECASE)
    allowed = {"Español", "Português", "Français"}  # language names as their speakers write them
    found = []
    for path in sorted(CODE.rglob("*.py")):
        if path.name in ("training_layout.py", "assessment.py"):
            # Data, not messages: the training airport's names, and the default handling
            # marking an assessment records in each language.
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            text = _literal(node)
            if text and id(node) not in docstrings and text not in allowed and spanish.search(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    assert not found, "\n".join(found)
