"""File > Assessment details…: the header of the open assessment and its rule parameters.

The dialog edits a copy of :class:`avsec.core.assessment.Assessment`; the main window pushes
the result as one undoable SetAssessment (saved at once). Changing a rule parameter makes the
stored findings out of date: the store flags them and the map's findings panel says so.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from avsec.app.header import edited_header
from avsec.core.assessment import (
    DEFAULT_MARKING,
    PARAMETER_RANGES,
    Assessment,
    RuleParameters,
)
from avsec.core.errors import InputError
from avsec.core.i18n import N_, babel_locale
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.gui.dialogs import ok_cancel_buttons
from avsec.gui.i18n import LANGUAGES, error_text, language, number, tr

#: The label of each language's marking field (a further language gets its code).
_MARKING_LABELS = {
    "en": N_("Handling marking (English)"),
    "es": N_("Handling marking (Spanish)"),
    "pt": N_("Handling marking (Portuguese)"),
    "fr": N_("Handling marking (French)"),
}

#: Largest value a rule parameter can take in the dialog, metres (a 1 km clear zone is absurd
#: already; the bound only keeps a slipped key from typing 1e9).
MAX_PARAMETER_M = 1000.0


def parameter_label(field: str) -> str:
    """The translated label of a rule parameter, with its unit."""
    labels = {
        "perimeter_join_tolerance_m": tr("Perimeter join tolerance (m)"),
        "perimeter_offset_tolerance_m": tr("Perimeter offset tolerance (m)"),
        "min_barrier_height_m": tr("Minimum barrier height (m)"),
        "crossing_access_radius_m": tr("Access point radius at road crossings (m)"),
        "access_point_boundary_m": tr("Greatest access point distance from a boundary (m)"),
        "clear_zone_m": tr("Clear zone along perimeter barriers (m)"),
        # The path analysis (avsec.geo.paths).
        "response_time_s": tr("Response time (s)"),
        "response_sd_s": tr("Response time standard deviation (s)"),
        "delay_sd_fraction": tr("Delay standard deviation (share of the delay)"),
        "run_speed_mps": tr("Intruder running speed (m/s)"),
        "task_delay_s": tr("Intruder task at the target (s)"),
    }
    return labels.get(field, field.replace("_", " "))


def parameter_defaults() -> dict[str, float]:
    """The default value of every rule parameter (docs/architecture.md, *Geometry rules*)."""
    return {name: float(info.default) for name, info in RuleParameters.model_fields.items()}


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AssessmentDialog(QDialog):
    """Edit title, team, organisation, dates, handling marking and rule parameters.

    Parameters
    ----------
    assessment
        The current header; it is not changed (read the result from :meth:`result_assessment`).
    """

    def __init__(self, assessment: Assessment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessment-dialog")
        self.setWindowTitle(tr("Assessment details…").rstrip("…"))
        self.original = assessment
        airport = assessment.airport
        code = airport.icao or airport.iata
        self.airport = QLabel(f"{code} — {airport.name}" if code else airport.name, self)
        self.airport.setObjectName("details-airport")
        self.title = QLineEdit(assessment.title, self)
        self.title.setObjectName("details-title")
        self.team = QPlainTextEdit("\n".join(assessment.team), self)
        self.team.setObjectName("details-team")
        self.team.setPlaceholderText(tr("One name per line"))
        self.team.setTabChangesFocus(True)
        self.team.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.organisation = QLineEdit(assessment.organisation, self)
        self.organisation.setObjectName("details-organisation")
        self.started = QDateEdit(_qdate(assessment.started), self)
        self.started.setObjectName("details-started")
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.has_ended = QCheckBox(tr("Visit ended on"), self)
        self.has_ended.setObjectName("details-has-ended")
        self.ended = QDateEdit(_qdate(assessment.ended or assessment.started), self)
        self.ended.setObjectName("details-ended")
        self.ended.setCalendarPopup(True)
        self.ended.setDisplayFormat("yyyy-MM-dd")
        self.has_ended.setChecked(assessment.ended is not None)
        self.ended.setEnabled(assessment.ended is not None)
        self.has_ended.toggled.connect(self.ended.setEnabled)
        #: One marking field per language of the app, by language code.
        self.markings: dict[str, QLineEdit] = {}
        for lang in LANGUAGES:
            field = QLineEdit(assessment.handling_marking.get(lang, ""), self)
            field.setObjectName(f"details-marking-{lang}")
            field.setPlaceholderText(DEFAULT_MARKING.get(lang, DEFAULT_MARKING["en"]))
            self.markings[lang] = field
        self.marking_en = self.markings["en"]
        self.marking_es = self.markings["es"]
        for field in (self.title, self.organisation, *self.markings.values()):
            field.setMaxLength(MAX_FIELD_CHARS)
        self.message = QLabel(self)
        self.message.setObjectName("details-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")

        ended_row = QHBoxLayout()
        ended_row.addWidget(self.has_ended)
        ended_row.addWidget(self.ended, 1)
        header = QGroupBox(tr("Assessment"), self)
        form = QFormLayout(header)
        form.addRow(tr("Airport"), self.airport)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Team members"), self.team)
        form.addRow(tr("Organisation"), self.organisation)
        form.addRow(tr("Start date"), self.started)
        form.addRow(tr("End date"), ended_row)
        for lang, field in self.markings.items():
            msgid = _MARKING_LABELS.get(lang)
            form.addRow(
                tr(msgid) if msgid else tr("Handling marking ({language})").format(language=lang),
                field,
            )

        self.parameters: dict[str, QDoubleSpinBox] = {}
        rules = QGroupBox(tr("Rule parameters"), self)
        grid = QGridLayout(rules)
        defaults = parameter_defaults()
        current = assessment.parameters.model_dump()
        locale = QLocale(babel_locale(language())) if language() != "en" else QLocale.c()
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        for row, (name, default) in enumerate(defaults.items()):
            spin = QDoubleSpinBox(rules)
            spin.setObjectName(f"parameter-{name}")
            spin.setLocale(locale)
            spin.setDecimals(2)
            spin.setRange(*PARAMETER_RANGES.get(name, (0.0, MAX_PARAMETER_M)))
            spin.setSingleStep(0.1 if default < 5 else 1.0)
            spin.setValue(float(current[name]))
            label = QLabel(parameter_label(name), rules)
            label.setBuddy(spin)
            hint = QLabel(tr("default {value}").format(value=number(default, 2)), rules)
            hint.setStyleSheet("color: #5f6b73;")
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(hint, row, 2)
            self.parameters[name] = spin
        self.restore_defaults = QPushButton(tr("Restore defaults"), rules)
        self.restore_defaults.setObjectName("details-restore-defaults")
        self.restore_defaults.clicked.connect(self._on_restore_defaults)
        grid.addWidget(self.restore_defaults, len(defaults), 0, 1, 3)
        note = QLabel(
            tr("Changing a rule parameter puts the findings out of date: run Analyse again."),
            rules,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b73;")
        grid.addWidget(note, len(defaults) + 1, 0, 1, 3)

        buttons = ok_cancel_buttons(self, self._on_accept)
        for field in (self.title, self.organisation, *self.markings.values()):
            field.setCursorPosition(0)  # show where a long text starts, not where it ends
        self.setMinimumWidth(680)  # the standard markings fit without scrolling
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(rules)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._result: Assessment | None = None

    def _on_restore_defaults(self) -> None:
        for name, default in parameter_defaults().items():
            self.parameters[name].setValue(default)

    def edited(self) -> Assessment | None:
        """The header as the dialog shows it, or None (with a message) when it is invalid.

        The rules are the model's (:func:`avsec.app.header.edited_header`), as for
        ``avsec edit``; an emptied marking field means its placeholder, the standard marking.
        """
        started = _to_date(self.started.date())
        ended = _to_date(self.ended.date()) if self.has_ended.isChecked() else None
        marking = dict(self.original.handling_marking)  # keeps markings of other languages
        for lang, field in self.markings.items():
            marking[lang] = field.text().strip() or DEFAULT_MARKING.get(lang, DEFAULT_MARKING["en"])
        try:
            result = edited_header(
                self.original,
                tr,
                title=self.title.text().strip(),
                team=[n.strip() for n in self.team.toPlainText().splitlines() if n.strip()],
                organisation=self.organisation.text().strip(),
                started=started,
                ended=ended,
                handling_marking=marking,
                parameters={name: round(spin.value(), 3) for name, spin in self.parameters.items()},
            )
        except InputError as exc:
            self.message.setText(error_text(exc))
            return None
        self.message.clear()
        return result

    def _on_accept(self) -> None:
        result = self.edited()
        if result is None:
            return
        self._result = result
        self.accept()

    def result_assessment(self) -> Assessment | None:
        """The accepted header (None before OK or after Cancel)."""
        return self._result
