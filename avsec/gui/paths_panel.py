"""The Paths panel of the map: the weakest adversary route into each target (EASI).

Run from the panel's button: the analysis (:mod:`avsec.geo.paths`) finds, for every critical
part and every SRA holding none, the route with the lowest probability of interruption P(I).
The panel shows the chosen target's P(I) on a colour band (red below 0.5, amber below 0.8,
green from 0.8), the route's elements, the upgrades ranked by the P(I) they would give and the
response time a P(I) of 0.8 needs; the route is drawn on the map as an arrowed line. Any edit
of the layout or of the assessment parameters marks the result stale (a barrier's or an access
point's detection and delay are layout properties), as the findings are.
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

from avsec.gui.i18n import tr
from avsec.gui.session import Session
from avsec.gui.widgets import column

#: Above every layout feature and the findings.
Z_ROUTE = 900.0
#: P(I) bands, lowest first: (below, colour).
BANDS = ((0.5, "#c62828"), (0.8, "#f9a825"), (math.inf, "#2e7d32"))


def band_colour(p: float | None) -> str:
    """The colour of a P(I): red below 0.5, amber below 0.8, green from 0.8."""
    if p is None:
        return "#607d8b"
    return next(colour for below, colour in BANDS if p < below)


def _arrow_path(points: list[tuple[float, float]], head: float) -> QPainterPath:
    """A polyline with an arrow head at the end of every leg."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(*points[0])
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        path.lineTo(x1, y1)
        angle = math.atan2(y1 - y0, x1 - x0)
        for side in (-1, 1):
            tip = QPointF(
                x1 - head * math.cos(angle + side * 0.45), y1 - head * math.sin(angle + side * 0.45)
            )
            path.moveTo(x1, y1)
            path.lineTo(tip)
        path.moveTo(x1, y1)
    return path


class PathsPanel(QWidget):
    """Weakest routes of the layout.

    Parameters
    ----------
    session
        The open assessment.
    scene
        The map scene the route is drawn on (its ``projection`` turns lon/lat into scene
        coordinates).
    """

    def __init__(self, session: Session, scene: QGraphicsScene, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scene = scene
        self.setObjectName("paths-panel")
        self.data: dict[str, Any] | None = None
        self.stale = False
        self.route_item: QGraphicsPathItem | None = None
        self.run_button = QPushButton(tr("Find weakest routes"), self)
        self.run_button.setObjectName("paths-run")
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(
            tr("Find the route into each critical part that is least likely to be interrupted."),
            self,
        )
        self.summary.setWordWrap(True)
        self.targets = QComboBox(self)
        self.targets.setObjectName("paths-targets")
        self.targets.currentIndexChanged.connect(self._show_target)
        self.band = QLabel(self)
        self.band.setObjectName("paths-band")
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band.setTextFormat(Qt.TextFormat.RichText)
        self.elements = QListWidget(self)
        self.elements.setObjectName("paths-elements")
        self.elements.setWordWrap(True)
        self.upgrades = QListWidget(self)
        self.upgrades.setObjectName("paths-upgrades")
        self.upgrades.setWordWrap(True)
        column(
            self,
            self.run_button,
            self.summary,
            self.targets,
            self.band,
            QLabel(tr("Route"), self),
            (self.elements, 2),
            QLabel(tr("What to fix first"), self),
            (self.upgrades, 1),
            margins=4,
        )
        session.changed.connect(self._on_session_changed)
        self._show_target()

    # --- running ----------------------------------------------------------------------------

    def run(self) -> bool:
        """Analyse the layout; False (and the reason shown) when the analysis refuses it."""
        from avsec.core.errors import AvsecError
        from avsec.geo.paths import analyse_paths, paths_json

        doc = self.session.doc
        airport = doc.assessment.airport
        try:
            result = analyse_paths(
                doc.features, doc.assessment.parameters, centre=(airport.lon, airport.lat)
            )
        except AvsecError as exc:
            self.data = None
            self.targets.clear()
            self.summary.setText(tr("The path analysis could not run: {reason}").format(reason=exc))
            self._show_target()
            return False
        self.data = paths_json(result)
        self.stale = False
        self.summary.setText(self._summary_text())
        self.summary.setStyleSheet("")
        self.targets.blockSignals(True)
        self.targets.clear()
        ordered = sorted(self.data["targets"], key=lambda t: t["p_interruption"] or 0.0)
        for target in ordered:
            self.targets.addItem(target["name"] or target["target"], target["target"])
        self.targets.blockSignals(False)
        self.targets.setCurrentIndex(0 if ordered else -1)
        self._show_target()
        return True

    def _summary_text(self) -> str:
        if not self.data or not self.data["targets"]:
            return tr("The layout has no critical part or SRA to analyse.")
        count = len(self.data["targets"])
        return tr("Targets: {count}; the weakest is listed first.").format(count=count)

    # --- showing ----------------------------------------------------------------------------

    def current_target(self) -> dict[str, Any] | None:
        """The JSON of the target shown (see ``avsec paths --json``), or None."""
        if not self.data:
            return None
        wanted = self.targets.currentData()
        return next((t for t in self.data["targets"] if t["target"] == wanted), None)

    def _show_target(self, _index: int = 0) -> None:
        from avsec.geo.path_defaults import UPGRADE_TEXT

        self.elements.clear()
        self.upgrades.clear()
        target = self.current_target()
        self._draw_route(target)
        if target is None:
            self.band.clear()
            self.band.setStyleSheet("")
            return
        p = target["p_interruption"]
        colour = band_colour(p)
        text = tr("P(I) {p}").format(p="–" if p is None else f"{p:.2f}")
        needed = target.get("required_response_time_s")
        if needed is not None:
            text += (
                "<br><small>"
                + html.escape(
                    tr("response needed for P(I) 0.8: {seconds:.0f} s").format(seconds=needed)
                )
                + "</small>"
            )
        if self.stale:
            text += "<br><small>" + html.escape(tr("out of date: run again")) + "</small>"
        self.band.setText(f"<b>{text}</b>")
        self.band.setStyleSheet(
            f"background: {colour}; color: white; padding: 6px; border-radius: 3px;"
        )
        names = {f.id: f.name for f in self.session.doc.features}
        kinds = {"crossing": tr("cross"), "travel": tr("run"), "task": tr("task")}
        for n, e in enumerate(target["route"]):
            what = kinds[e["kind"]]
            if e["kind"] == "crossing":
                via = (
                    tr("opening")
                    if e["via"] == "gap"
                    else names.get(e["feature"], "") or e["feature"]
                )
                what += f" {via}"
            self.elements.addItem(
                f"{n}. {what} · P {e['p_detect']:.2f} · {e['delay_s']:.0f} s"
                + (" ◀ CDP" if n == target["critical_detection_point"] else "")
            )
        for u in target.get("upgrades", []):
            feature = names.get(u["feature"] or "", "") or u["feature"] or tr("opening")
            self.upgrades.addItem(
                f"{tr(UPGRADE_TEXT[u['change']])}: {feature} → P(I) {u['p_interruption_after']:.2f}"
            )

    def _draw_route(self, target: dict[str, Any] | None) -> None:
        if self.route_item is not None:
            try:
                if self.route_item.scene() is not None:
                    self.scene.removeItem(self.route_item)
            except RuntimeError:  # the scene was rebuilt and deleted the item
                pass
            self.route_item = None
        if target is None:
            return
        projection = self.scene.projection  # type: ignore[attr-defined]
        points = [
            projection.point_to_scene(*e["location"])
            for e in target["route"]
            if e["kind"] == "crossing" and e["location"]
        ]
        if not points:
            return
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        head = max(8.0, 0.04 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0))
        item = QGraphicsPathItem(_arrow_path(points, head))
        pen = QPen(QColor(band_colour(target["p_interruption"])), 3)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item.setPen(pen)
        item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        item.setZValue(Z_ROUTE)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        item.setToolTip(tr("Weakest route"))
        item.setData(0, "paths-route")
        self.scene.addItem(item)
        self.route_item = item

    # --- staleness ----------------------------------------------------------------------------

    def _on_session_changed(self, command: object) -> None:
        from avsec.gui.session import touched

        changed = touched(command)  # type: ignore[arg-type]
        if self.data is not None and (changed.features or changed.assessment):
            self.mark_stale()

    def mark_stale(self) -> None:
        """Say the routes are out of date (the layout or the parameters changed)."""
        self.stale = True
        self.summary.setText(
            self._summary_text()
            + "\n"
            + tr("The routes are out of date: the layout or the parameters changed; run again.")
        )
        self.summary.setStyleSheet("color: #e65100;")
        self._show_target()


# --- the trainer's view of the teams' estimates -----------------------------------------------

#: Property of a critical part or SRA where a team records its estimate of P(I) (optional).
ESTIMATE_FIELD = "p_interruption_estimate"


def _estimate(value: Any) -> float | None:
    try:
        number = float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return number if 0.0 <= number <= 1.0 else None


def route_estimates(comparison: Any) -> tuple[list[str], list[list[str]]] | None:
    """The teams' P(I) estimates next to the computed P(I) of each target, or None.

    Columns: target, computed P(I), one per team. None when no team recorded an estimate
    (the field is optional) or the key's layout cannot be analysed.
    """
    from avsec.core.errors import AvsecError
    from avsec.geo.paths import analyse_paths
    from avsec.store import AvsecFile

    estimates: dict[str, dict[str, float]] = {}
    for team in comparison.teams:
        try:
            with AvsecFile.open(team.path) as f:
                features = f.features()
        except (AvsecError, OSError):
            continue
        for feature in features:
            value = _estimate(feature.properties.get(ESTIMATE_FIELD))
            if value is not None:
                estimates.setdefault(team.name, {})[feature.id] = value
    if not estimates:
        return None
    try:
        with AvsecFile.open(comparison.key_path) as f:
            features = f.features()
        airport = comparison.key.airport
        result = analyse_paths(features, comparison.key.parameters, (airport.lon, airport.lat))
    except (AvsecError, OSError):
        return None
    teams = [t.name for t in comparison.teams]
    headers = [tr("Target"), tr("Computed P(I)"), *teams]
    rows = []
    for target in result.targets:
        p = target.p_interruption
        row = [target.name or target.target, "–" if p is None else f"{p:.2f}"]
        for team in teams:
            value = estimates.get(team, {}).get(target.target)
            row.append("–" if value is None else f"{value:.2f}")
        rows.append(row)
    return headers, rows


def add_estimates_tab(tabs: Any, comparison: Any) -> None:
    """Add a "Route estimates" tab to the trainer view when any team recorded one."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    found = route_estimates(comparison)
    if found is None:
        return
    headers, rows = found
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName("route-estimates")
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    tabs.addTab(table, tr("Route estimates"))
