"""The visit narrative on the map: every observation by number; the selected one in full.

The training airport, and every exercise and team file made from it, carry what the visiting
team saw and heard at each place. A team reads it here (the whole visit, in order) or on the
item page (the observations that concern that item).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from avsec.core.document import Observation
from avsec.core.findings import observation_label
from avsec.core.i18n import pick
from avsec.gui.i18n import language, ngettext, tr
from avsec.gui.icons import marker_icon
from avsec.gui.numbered_list_panel import RECORD_ID, NumberedListPanel, item_links, short
from avsec.gui.session import Session
from avsec.gui.style import OBSERVATION_COLOUR
from avsec.gui.widgets import rich_text_label


class ObservationsPanel(NumberedListPanel):
    """The observations of the visit narrative."""

    #: An observation was chosen in the list (observation id).
    observation_selected = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            parent,
            name="observations-panel",
            list_name="observations-list",
            list_height=80,
        )
        self.details = rich_text_label(self, "observation-details")
        self.details.linkActivated.connect(self.item_requested)
        self.details.setContentsMargins(2, 2, 6, 2)
        # An observation runs to a few hundred words: it scrolls rather than push the list away.
        scroll = QScrollArea(self)
        scroll.setObjectName("observation-details-scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setSizes([140, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.refresh()

    def observations(self) -> list[Observation]:
        """The observations of the open file, in the order of the visit."""
        return self.session.doc.observations

    def number(self, observation_id: str) -> int:
        """The 1-based number of an observation (its marker's number; 0 when unknown)."""
        for number, observation in enumerate(self.observations(), start=1):
            if observation.id == observation_id:
                return number
        return 0

    def refresh(self) -> None:
        """Re-list the observations."""
        observations = self.observations()
        self.list.blockSignals(True)
        self.list.clear()
        for number, observation in enumerate(observations, start=1):
            place = observation.place_in(language()) or tr("Observation")
            row = QListWidgetItem(
                marker_icon(OBSERVATION_COLOUR, observation_label(number), square=True),
                f"{observation_label(number)}. {place}",
                self.list,
            )
            row.setData(RECORD_ID, observation.id)
            row.setToolTip(short(pick(observation.text, language()), 200))
        self.list.blockSignals(False)
        self.summary.setText(
            ngettext(
                "{count} observation from the visit: choose it to read it.",
                "{count} observations from the visit: choose one to read it.",
                len(observations),
            ).format(count=len(observations))
        )
        self.details.clear()

    def select(self, observation_id: str) -> None:
        """Select an observation in the list and show it (without emitting)."""
        entry = self._select_quietly(observation_id)
        if entry is not None:
            self.list.scrollToItem(entry)
            self._show_details(observation_id)

    def current_observation(self) -> str:
        """The selected observation's id ("" when none)."""
        return self.current_id()

    def _show_details(self, observation_id: str) -> None:
        observation = next((o for o in self.observations() if o.id == observation_id), None)
        if observation is None:
            self.details.clear()
            return
        lang = language()
        links = item_links(self.session.checklist, observation.items, lang)
        place = html.escape(observation.place_in(language()) or tr("Observation"))
        text = html.escape(pick(observation.text, lang)).replace("\n", "<br>")
        items_heading = html.escape(tr("Checklist items"))
        self.details.setText(
            f"<p><b>{observation_label(self.number(observation_id))}. {place}</b><br>{text}</p>"
            + (f"<p><b>{items_heading}</b><br>{'<br>'.join(links)}</p>" if links else "")
        )

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        observation_id = current.data(RECORD_ID)
        self._show_details(observation_id)
        self.observation_selected.emit(observation_id)
