"""Map layers with a visibility check box each and their feature counts."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from avsec.gui.i18n import N_, tr
from avsec.gui.icons import background_icon, kind_icon, marker_icon
from avsec.gui.labels import KINDS, kind_label
from avsec.gui.map_scene import MapScene
from avsec.gui.style import OBSERVATION_COLOUR, PHOTO_COLOUR, SEVERITY_COLOURS

LAYERS = ("findings", "observations", "photos", *reversed(KINDS), "background")
_KEY = Qt.ItemDataRole.UserRole


#: Titles of the layers that are not a kind of feature.
_LAYER_TITLES = {
    "findings": N_("Findings"),
    "photos": N_("Photos"),
    "observations": N_("Observations"),
    "background": N_("Background"),
}


class LayerList(QListWidget):
    """One check-box row per layer; unticking hides the layer.

    Parameters
    ----------
    scene
        The map scene whose layers it switches.
    """

    def __init__(self, scene: MapScene, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene = scene
        self.setObjectName("layer-list")
        self.setIconSize(QSize(16, 16))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._rows: dict[str, QListWidgetItem] = {}
        for layer in LAYERS:
            row = QListWidgetItem(self)
            row.setData(_KEY, layer)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if scene.layer_visible(layer) else Qt.CheckState.Unchecked
            )
            if layer == "findings":
                row.setIcon(marker_icon(SEVERITY_COLOURS["critical"], "1"))
            elif layer == "photos":
                row.setIcon(marker_icon(PHOTO_COLOUR))
            elif layer == "observations":
                row.setIcon(marker_icon(OBSERVATION_COLOUR, "1", square=True))
            elif layer in KINDS:
                row.setIcon(kind_icon(layer))
            else:
                row.setIcon(background_icon())
            self._rows[layer] = row
        self.refresh_counts()
        self.itemChanged.connect(self._on_item_changed)
        scene.features_changed.connect(self.refresh_counts)
        scene.findings_rebuilt.connect(self.refresh_counts)
        scene.observations_rebuilt.connect(self.refresh_counts)

    def _title(self, layer: str) -> str:
        if layer in _LAYER_TITLES:
            return tr(_LAYER_TITLES[layer])
        label = kind_label(layer)
        return label[:1].upper() + label[1:]  # a list entry: "Access point", not "access point"

    def refresh_counts(self, *_: object) -> None:
        """Show how many items each layer holds."""
        counts = self.scene.count_by_layer()
        self.blockSignals(True)
        for layer, row in self._rows.items():
            count = counts.get(layer, 0)
            row.setText(
                f"{self._title(layer)} ({count})" if layer != "background" else self._title(layer)
            )
        # Only the training airport and its exercises carry a visit narrative: elsewhere the
        # row would be an empty layer forever.
        self._rows["observations"].setHidden(counts.get("observations", 0) == 0)
        self.blockSignals(False)

    def set_visible(self, layer: str, visible: bool) -> None:
        """Tick or untick ``layer`` (and show or hide it)."""
        self._rows[layer].setCheckState(
            Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked
        )

    def is_visible(self, layer: str) -> bool:
        """Whether ``layer`` is ticked."""
        return self._rows[layer].checkState() == Qt.CheckState.Checked

    def _on_item_changed(self, row: QListWidgetItem) -> None:
        self.scene.set_layer_visible(row.data(_KEY), row.checkState() == Qt.CheckState.Checked)
