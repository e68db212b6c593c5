"""What a photo shows: the feature or access-control test it is linked to, changed by hand.

The link is made when the photo is added (avsec/geo/photo_links.py); here the inspector sees
it and picks another feature or test, or none. Each change is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from avsec.core.document import PhotoLink
from avsec.core.errors import AvsecError
from avsec.gui.dialogs import show_error
from avsec.gui.i18n import language, number, tr
from avsec.gui.labels import kind_label
from avsec.gui.session import Session


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def link_text(session: Session, link: PhotoLink | None) -> str:
    """What a photo shows, as a line of its details ("Shows: Gate 1 (access point)")."""
    if link is None:
        return ""
    if link.kind == "test":
        target = tr("Access-control test {id}").format(id=link.id)
    else:
        feature = session.doc.feature(link.id)
        kind = kind_label(str(feature.kind)) if feature is not None else ""
        name = (feature.label(language()) if feature is not None else "") or link.id
        target = f"{name} ({kind})" if kind else name
    return tr("Shows: {target}").format(target=target)


class PhotoLinkField(QWidget):
    """A "Shows" chooser of one photo: not linked, a feature (nearest first) or a test."""

    def __init__(self, session: Session, attachment_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.attachment_id = attachment_id
        self.setObjectName("photo-link")
        label = QLabel(tr("Shows"), self)
        self.choice = QComboBox(self)
        self.choice.setObjectName("photo-link-choice")
        self.choice.setAccessibleName(tr("What the photo shows"))
        self.choice.setMinimumContentsLength(28)
        label.setBuddy(self.choice)
        self.choice.activated.connect(self._on_chosen)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.choice, 1)
        # Bound methods: Qt drops the connections when the viewer is closed and deleted.
        session.attachments_changed.connect(self.refresh)
        session.changed.connect(self._on_session_changed)
        self.refresh()

    def _on_session_changed(self, _command: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        """List the choices again and select the photo's current link."""
        editor = self.session.editor
        photo = editor.attachment(self.attachment_id)
        if photo is None:
            return
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(tr("Nothing (not linked)"), "")
        for test in editor.tests():
            self.choice.addItem(
                tr("Access-control test {id}").format(id=test.id), f"test:{test.id}"
            )
        lang = language()
        features = {f.id: f for f in editor.doc.features}
        distances: dict[str, float] = {}
        if photo.lon is not None and photo.lat is not None:
            from avsec.geo.photo_links import feature_candidates, geodesic_m

            for candidate in feature_candidates(features.values(), photo.lon, photo.lat):
                distances[candidate.id] = geodesic_m(
                    photo.lon, photo.lat, candidate.lon, candidate.lat
                )
        # The features near the photo first, nearest first; then every other by name.
        ordered = sorted(
            features.values(),
            key=lambda f: (
                distances.get(f.id, float("inf")),
                f.label(lang).lower() or kind_label(str(f.kind)),
            ),
        )
        for feature in ordered:
            name = feature.label(lang) or _capitalised(kind_label(str(feature.kind)))
            text = f"{name} · {kind_label(str(feature.kind))}"
            if feature.id in distances:
                text += " · " + tr("{distance} m").format(distance=number(distances[feature.id], 0))
            self.choice.addItem(text, f"feature:{feature.id}")
        current = f"{photo.link.kind}:{photo.link.id}" if photo.link else ""
        index = self.choice.findData(current)
        if index < 0 and photo.link is not None:  # linked to something no longer in the file
            self.choice.addItem(
                tr("{id} (no longer in the file)").format(id=photo.link.id), current
            )
            index = self.choice.count() - 1
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)

    def current_link(self) -> tuple[str, str] | None:
        """The (kind, id) chosen, or None for no link."""
        kind, _, ident = str(self.choice.currentData() or "").partition(":")
        return (kind, ident) if kind else None

    def _on_chosen(self, _index: int) -> None:
        chosen = self.current_link()
        try:
            command = self.session.editor.link_edit(
                self.attachment_id, chosen[0] if chosen else None, chosen[1] if chosen else ""
            )
        except AvsecError as exc:
            show_error(self, tr("Cannot link the photo"), exc)
            self.refresh()
            return
        self.session.push(command)
