"""The sample counter of an item that asks to sample (ID cards, vehicles, doors, staff).

Two spin boxes, how many were checked and how many failed, shown only for such items
(``ChecklistItem.sample``). A change is written a moment after the last step of the arrows
(or at once when the field is left or Enter pressed), so stepping from 0 to 20 is one edit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from avsec.core.assessment import MAX_SAMPLE_SIZE
from avsec.core.checklist import SAMPLE_LABELS
from avsec.gui.i18n import tr

#: A count is written this long after the last change of a spin box.
COUNT_DELAY_MS = 600


class SampleCounter(QWidget):
    """Checked and failed counts; emits :attr:`sample_changed` (size, failures), size 0
    meaning no sample."""

    sample_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sample-counter")
        self.label = QLabel(self)
        self.label.setObjectName("sample-what")
        self.checked = QSpinBox(self)
        self.checked.setObjectName("sample-size")
        self.checked.setRange(0, MAX_SAMPLE_SIZE)
        # 0 is "no sample recorded": shown as a dash, not as a sample of nothing.
        self.checked.setSpecialValueText("—")
        self.failures = QSpinBox(self)
        self.failures.setObjectName("sample-failures")
        self.failures.setRange(0, 0)
        checked_label = QLabel(tr("Number checked"), self)
        checked_label.setBuddy(self.checked)
        failed_label = QLabel(tr("Failures"), self)
        failed_label.setBuddy(self.failures)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self._dirty = False
        for box in (self.checked, self.failures):
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._on_changed)
            box.editingFinished.connect(self.commit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addSpacing(8)
        row.addWidget(checked_label)
        row.addWidget(self.checked)
        row.addSpacing(8)
        row.addWidget(failed_label)
        row.addWidget(self.failures)
        row.addStretch(1)
        self.set_kind(None)

    def set_kind(self, kind: str | None) -> None:
        """Name what is sampled in the label and the spin boxes' accessible names."""
        what = tr(SAMPLE_LABELS[kind]) if kind else tr("Sample")
        self.label.setText(tr("Sample: {what}").format(what=what))
        self.checked.setAccessibleName(tr("Number checked ({what})").format(what=what))
        self.failures.setAccessibleName(tr("Failures ({what})").format(what=what))
        self.checked.setToolTip(tr("How many you checked (0: no sample recorded)"))
        self.failures.setToolTip(tr("How many of them failed"))

    def set_counts(self, sample_size: int | None, failures: int | None) -> None:
        """Show a recorded sample (None: none recorded) without emitting a change."""
        self._timer.stop()
        self._dirty = False
        for box in (self.checked, self.failures):
            box.blockSignals(True)
        self.checked.setValue(sample_size or 0)
        self.failures.setMaximum(sample_size or 0)
        self.failures.setValue(failures or 0)
        for box in (self.checked, self.failures):
            box.blockSignals(False)

    def counts(self) -> tuple[int, int]:
        """The shown (size, failures); size 0 means no sample."""
        return self.checked.value(), self.failures.value()

    def _on_changed(self) -> None:
        # Never more failures than items checked: the failures box follows the size.
        self.failures.blockSignals(True)
        self.failures.setMaximum(self.checked.value())
        self.failures.blockSignals(False)
        self._dirty = True
        self._timer.start()

    def commit(self) -> None:
        """Emit the counts being edited now (no-op when nothing changed)."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        self.sample_changed.emit(*self.counts())
