"""Attributes of the selected feature: its kind and the kind's fields (core.layout.KIND_FIELDS).

Each change is one undoable command. Properties the kind does not define (OpenStreetMap tags
from an import) are listed read-only so nothing is lost silently.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from avsec.core.commands import change_feature
from avsec.core.layout import GEOMETRY_TYPES, KIND_FIELDS, Feature
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.gui.i18n import tr
from avsec.gui.labels import KINDS, field_label, kind_label, value_label
from avsec.gui.session import Session
from avsec.gui.session_widget import SessionWidget
from avsec.gui.widgets import column

_UNSET = "__unset__"
#: Fields typed as numbers: metres, seconds and the detection probability.
NUMERIC_SUFFIXES = ("_m", "_s", "p_detect", "_estimate")


def compatible_kinds(geometry_type: str) -> list[str]:
    """Kinds that accept a geometry of ``geometry_type``."""
    return [k for k in KINDS if geometry_type in GEOMETRY_TYPES[k]]


def parse_number(text: str) -> float | None:
    """A decimal number typed with a point or a comma; None when empty or invalid."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


class AttributePanel(SessionWidget):
    """Form for one feature."""

    #: Delete the shown feature.
    delete_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent, name="attribute-panel")
        self.feature_id = ""
        self.editors: dict[str, QWidget] = {}
        self.empty = QLabel(tr("Select a feature to see its attributes."), self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6b73;")
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        # Labels above their fields: the long ones ("detected at (B, M, E)") fit a narrow pane.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.extra = QLabel(self)
        self.extra.setWordWrap(True)
        self.extra.setStyleSheet("color: #5f6b73; font-size: 11px;")
        self.delete_button = QPushButton(tr("Delete feature"), self)
        self.delete_button.setObjectName("delete-feature")
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.feature_id))
        layout = column(self, self.empty, self.form_host, self.extra, self.delete_button, margins=4)
        layout.addStretch(1)
        session.changed.connect(self._on_session_changed)
        self.show_feature("")

    def show_feature(self, feature_id: str) -> None:
        """Show the attributes of ``feature_id`` ("" shows the hint)."""
        self.feature_id = feature_id
        feature = self.session.doc.feature(feature_id) if feature_id else None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        self.empty.setVisible(feature is None)
        self.form_host.setVisible(feature is not None)
        self.delete_button.setVisible(feature is not None)
        self.extra.setVisible(False)
        if feature is None:
            return
        kind_box = QComboBox(self.form_host)
        kind_box.setObjectName("attr:kind")
        for kind in compatible_kinds(str(feature.geometry.get("type", ""))) or [feature.kind]:
            label = kind_label(kind)  # lower case for sentences, capitalised as a choice
            kind_box.addItem(label[:1].upper() + label[1:], kind)
        kind_box.setCurrentIndex(max(0, kind_box.findData(feature.kind)))
        kind_box.activated.connect(
            lambda _=0, box=kind_box: self._on_kind_changed(box.currentData())
        )
        self.form.addRow(tr("Kind"), kind_box)
        self.editors["kind"] = kind_box
        fields = KIND_FIELDS.get(feature.kind, {"name": None})
        for name, choices in fields.items():
            value = feature.properties.get(name)
            editor: QLineEdit | QComboBox
            if choices is None:
                editor = QLineEdit(self.form_host)
                editor.setMaxLength(MAX_FIELD_CHARS)  # names: core/textlimits.py
                if name.endswith(NUMERIC_SUFFIXES):
                    validator = QDoubleValidator(0.0, 1000.0, 2, editor)
                    validator.setLocale(QLocale.c())
                    editor.setValidator(validator)
                    editor.setText(
                        ""
                        if value is None
                        else f"{value:g}"
                        if isinstance(value, int | float)
                        else str(value)
                    )
                else:
                    editor.setText("" if value is None else str(value))
                editor.editingFinished.connect(
                    lambda n=name, e=editor: self._on_text_edited(n, e.text())
                )
            else:
                box = QComboBox(self.form_host)
                box.addItem(tr("(not set)"), _UNSET)
                for choice in choices:
                    box.addItem(value_label(choice), choice)
                index = box.findData(value) if value is not None else 0
                if (
                    value is not None and index < 0
                ):  # a value the list does not know: keep it visible
                    box.addItem(str(value), value)
                    index = box.count() - 1
                box.setCurrentIndex(max(index, 0))
                box.activated.connect(
                    lambda _=0, n=name, b=box: self._on_choice(n, b.currentData())
                )
                editor = box
            editor.setObjectName(f"attr:{name}")
            label = field_label(name)
            self.form.addRow(label[:1].upper() + label[1:], editor)  # "Name", not "name"
            self.editors[name] = editor
        others = {k: v for k, v in feature.properties.items() if k not in fields}
        if others:
            lines = [
                f"{html.escape(str(k))} = {html.escape(str(v))[:60]}"
                for k, v in sorted(others.items())[:20]
            ]
            self.extra.setText("<br>".join(lines))
            self.extra.setVisible(True)

    # --- edits ------------------------------------------------------------------------------

    def _set_property(self, name: str, value: Any) -> None:
        feature = self.session.doc.feature(self.feature_id)
        if feature is None:
            return
        properties = dict(feature.properties)
        if value is None:
            if name not in properties:
                return
            properties.pop(name)
        else:
            if properties.get(name) == value and type(properties.get(name)) is type(value):
                return
            properties[name] = value
        changed = feature.model_copy(update={"properties": properties})
        self.session.push(change_feature(self.session.doc, changed))

    def _on_text_edited(self, name: str, text: str) -> None:
        if name.endswith(NUMERIC_SUFFIXES):
            self._set_property(name, parse_number(text))
        else:
            self._set_property(name, text.strip() or None)

    def _on_choice(self, name: str, value: Any) -> None:
        self._set_property(name, None if value == _UNSET else value)

    def _on_kind_changed(self, kind: str) -> None:
        feature = self.session.doc.feature(self.feature_id)
        if feature is None or kind == feature.kind:
            return
        self.session.push(
            change_feature(
                self.session.doc, Feature.model_validate({**feature.model_dump(), "kind": kind})
            )
        )

    def set_value(self, name: str, value: Any) -> None:
        """Set one attribute as if typed or chosen (tests and scripts)."""
        self._set_property(name, value)

    def _on_session_changed(self, command: object) -> None:
        from avsec.gui.session import touched

        if self.feature_id and self.feature_id in touched(command).features:  # type: ignore[arg-type]
            self.show_feature(self.feature_id if self.session.doc.feature(self.feature_id) else "")
