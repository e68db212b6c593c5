"""Layouts as KML 2.2 for Google Earth and GDAL.

One Folder per kind, one Placemark per feature (Multi* geometries as MultiGeometry), the kind,
id and every property in ExtendedData, and a style per kind. Text goes through
xml.etree.ElementTree, which escapes markup; characters XML 1.0 forbids (control characters a
hostile file may carry) are dropped first.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from avsec.core import palette
from avsec.core.layout import Feature, Kind
from avsec.io.geojson import atomic_write

KML_NS = "http://www.opengis.net/kml/2.2"
#: Line width of each kind, in pixels (the colours are the app's: :mod:`avsec.core.palette`).
LINE_WIDTHS: dict[str, float] = {
    Kind.AIRSIDE: 2.0,
    Kind.SRA: 2.0,
    Kind.CRITICAL_PART: 2.0,
    Kind.BARRIER: 3.0,
    Kind.ROAD: 2.0,
}


def kml_colour(colour: str | None, opacity: float = 1.0) -> str:
    """A ``#rrggbb`` colour as KML writes it: ``aabbggrr``; None is fully transparent."""
    if not colour:
        return "00000000"
    rgb = colour.lstrip("#").lower()
    alpha = round(max(0.0, min(1.0, opacity)) * 255)
    return f"{alpha:02x}{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}"


def kind_style(kind: str) -> tuple[str, str, float]:
    """(line colour, fill colour, line width) of ``kind`` in KML, from the app's palette."""
    stroke, fill = palette.KIND_COLOURS.get(kind, ("#ffffff", "#ffffff"))
    return (
        kml_colour(stroke),
        kml_colour(fill, palette.FILL_OPACITY),
        LINE_WIDTHS.get(kind, 1.0),
    )


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ET.register_namespace("", KML_NS)


def _clean(text: Any) -> str:
    """A property value as XML-safe text."""
    if isinstance(text, bool):
        text = "true" if text else "false"
    elif isinstance(text, dict | list):
        text = json.dumps(text, ensure_ascii=False)
    elif text is None:
        text = ""
    return _FORBIDDEN.sub("", str(text))


def _q(tag: str) -> str:
    return f"{{{KML_NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: Any = None) -> ET.Element:
    element = ET.SubElement(parent, _q(tag))
    if text is not None:
        element.text = _clean(text)
    return element


def _coords(positions: list[Any]) -> str:
    return " ".join(",".join(repr(float(v)) for v in position) for position in positions)


def _geometry(parent: ET.Element, geometry: dict[str, Any]) -> None:
    gtype = geometry.get("type")
    coords: Any = geometry.get("coordinates") or []
    if gtype == "Point":
        point = _sub(parent, "Point")
        _sub(point, "coordinates", _coords([coords]))
    elif gtype == "LineString":
        line = _sub(parent, "LineString")
        _sub(line, "tessellate", "1")
        _sub(line, "coordinates", _coords(coords))
    elif gtype == "Polygon":
        polygon = _sub(parent, "Polygon")
        _sub(polygon, "tessellate", "1")
        for n, ring in enumerate(coords):
            boundary = _sub(polygon, "outerBoundaryIs" if n == 0 else "innerBoundaryIs")
            _sub(_sub(boundary, "LinearRing"), "coordinates", _coords(ring))
    elif gtype in ("MultiPoint", "MultiLineString", "MultiPolygon"):
        multi = _sub(parent, "MultiGeometry")
        single = gtype.removeprefix("Multi")
        for part in coords:
            _geometry(multi, {"type": single, "coordinates": part})


def kml_document(
    features: Iterable[Feature], *, title: str = "avsec layout", marking: str | None = None
) -> ET.Element:
    """Build the KML element tree of a layout."""
    root = ET.Element(_q("kml"))
    document = _sub(root, "Document")
    _sub(document, "name", title)
    if marking:
        _sub(document, "description", marking)
    items = list(features)
    kinds = list(dict.fromkeys(f.kind for f in items))
    for kind in kinds:
        line, fill, width = kind_style(kind)
        style = _sub(document, "Style")
        style.set("id", f"kind-{re.sub(r'[^A-Za-z0-9_-]', '_', kind)}")
        # KML's schema orders the sub-styles: Icon, Label, Line, Poly.
        _sub(_sub(style, "IconStyle"), "color", line)
        line_style = _sub(style, "LineStyle")
        _sub(line_style, "color", line)
        _sub(line_style, "width", f"{width:g}")
        _sub(_sub(style, "PolyStyle"), "color", fill)
    for kind in kinds:
        folder = _sub(document, "Folder")
        _sub(folder, "name", kind)
        for feature in (f for f in items if f.kind == kind):
            placemark = _sub(folder, "Placemark")
            _sub(placemark, "name", feature.name or f"{kind} {feature.id}")
            _sub(placemark, "styleUrl", f"#kind-{re.sub(r'[^A-Za-z0-9_-]', '_', kind)}")
            extended = _sub(placemark, "ExtendedData")
            values = {"id": feature.id, "kind": feature.kind, **feature.properties}
            for key, value in values.items():
                data = _sub(extended, "Data")
                data.set("name", _clean(key))
                _sub(data, "value", value)
            _geometry(placemark, feature.geometry)
    return root


def write_kml(
    features: Iterable[Feature],
    path: Path | str,
    *,
    title: str = "avsec layout",
    marking: str | None = None,
) -> int:
    """Write a layout as KML; return the feature count.

    Parameters
    ----------
    features
        The layout (WGS84 lon/lat).
    path
        The .kml file to write (replaced atomically).
    title
        The document name Google Earth shows.
    marking
        The handling marking, written as the document description.
    """
    items = list(features)
    root = kml_document(items, title=title, marking=marking)
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    atomic_write(Path(path), data)
    return len(items)
