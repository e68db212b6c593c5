"""Layouts as GeoJSON (RFC 7946, WGS84 lon/lat;
docs/architecture.md, *Layout and geometry*).

Reading is defensive: every file may be hostile. It refuses files over a size limit, non-UTF-8
text, truncated or invalid JSON, projected coordinates, coordinates outside WGS84, empty
geometries, zero-length lines and zero-area polygons (within 1 cm) and geometry types a kind
does not take, each with a message naming the file and the feature (its index and id).
Self-intersecting polygons are repaired with ``shapely.make_valid`` and reported; unknown kinds
are kept and reported. Nothing is stored here: the caller applies the result as one undoable
command, so a failed import changes nothing.

Given the airport's position (:class:`Reference`), a layer whose centre lies more than
:data:`FAR_FROM_AIRPORT_KM` from it is checked (:func:`check_position`): when swapping every
coordinate's lon and lat would put it near the airport, the file is refused as written lat,lon;
otherwise it is read with a warning, since an inspector may map an off-site facility on
purpose (``far_ok`` accepts such a layer without a word, swapped-looking or not).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from avsec.core.assessment import Airport
from avsec.core.errors import InputError, Phrase
from avsec.core.i18n import N_
from avsec.core.layout import GEOMETRY_TYPES, KIND_FIELDS, Feature, feature_collection
from avsec.core.notices import Notice, Number
from avsec.core.textlimits import MAX_FIELD_CHARS, properties_problem
from avsec.io.geometry_limits import MAX_LAYER_VERTICES, flatten_positions
from avsec.io.resources import read_bytes, utf8_text

#: Larger files are refused: a 40 km perimeter with every feature is a few MiB.
MAX_LAYOUT_BYTES = 64 * 1024 * 1024
#: CRS names that mean WGS84 lon/lat (RFC 7946 drops ``crs``; older files still carry it).
WGS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "urn:ogc:def:crs:epsg::4326",
    "urn:ogc:def:crs:epsg:6.6:4326",
    "epsg:4326",
    "crs84",
    "ogc:crs84",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
    "http://www.opengis.net/def/crs/epsg/0/4326",
}

#: A layer whose centre lies farther than this from the airport is checked for swapped axes.
FAR_FROM_AIRPORT_KM = 50.0

Source = Literal["avsec", "osm"]
Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class Reference:
    """The position of the assessed airport, against which a layer's position is checked."""

    lon: float
    lat: float
    #: How messages name the airport: its ICAO code, else its name.
    label: str = ""

    @classmethod
    def for_airport(cls, airport: Airport) -> Reference:
        """The reference point of an assessment's airport."""
        return cls(airport.lon, airport.lat, airport.icao or airport.iata or airport.name)


@dataclass
class LayoutImport:
    """The features read from a layout file and what the reader had to say about them (each
    warning a :class:`~avsec.core.notices.Notice`, translated where it is shown)."""

    features: list[Feature]
    warnings: list[Notice] = field(default_factory=list)
    #: (min lon, min lat, max lon, max lat) of every position read; None when unknown.
    bounds: Bounds | None = None

    def counts(self) -> dict[str, int]:
        """Number of features per kind."""
        out: dict[str, int] = {}
        for f in self.features:
            out[f.kind] = out.get(f.kind, 0) + 1
        return out


def merge_bounds(a: Bounds | None, b: Bounds | None) -> Bounds | None:
    """The bounds covering both ``a`` and ``b`` (either may be None)."""
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _layout_bounds(layout: LayoutImport) -> Bounds | None:
    """The layout's bounds, from the reader or else from its features."""
    if layout.bounds is not None:
        return layout.bounds
    import shapely
    from shapely.geometry import shape

    geoms = [shape(f.geometry) for f in layout.features if f.geometry]
    if not geoms:
        return None
    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(geoms))
    return None if math.isnan(minx) else (minx, miny, maxx, maxy)


def check_position(
    layout: LayoutImport, name: str, reference: Reference, *, far_ok: bool = False
) -> list[Notice]:
    """Check where a layer lies against the airport; return the warnings to give.

    The layer's centre is the centre of its bounding box. Within
    :data:`FAR_FROM_AIRPORT_KM` of the airport, all is well. Farther, if swapping every
    coordinate's lon and lat would bring the centre within that distance, the file was
    written lat,lon and is refused. Otherwise the layer is accepted with a warning: it may
    be an off-site facility, or the wrong file. With ``far_ok`` neither check applies.

    Raises
    ------
    InputError
        The coordinates look swapped (one line naming the file).
    """
    from avsec.geo.validate import great_circle_m

    bounds = _layout_bounds(layout)
    if far_ok or bounds is None:
        return []
    minx, miny, maxx, maxy = bounds
    centre = ((minx + maxx) / 2, (miny + maxy) / 2)
    airport = (reference.lon, reference.lat)
    km = great_circle_m(centre, airport) / 1000
    if km <= FAR_FROM_AIRPORT_KM:
        return []
    # Swapped, every longitude becomes a latitude: only possible when all lie within ±90.
    if -90 <= minx and maxx <= 90:
        swapped_km = great_circle_m((centre[1], centre[0]), airport) / 1000
        if swapped_km <= FAR_FROM_AIRPORT_KM:
            raise InputError(
                N_(
                    "{name}: coordinates look like lat,lon; GeoJSON is lon,lat (RFC 7946): the layer centre is {km} km from the airport{label}, {swapped_km} km with lon and lat swapped; swap them in the file and import it again"
                ),
                name=name,
                km=Number(km),
                label=f" {reference.label}" if reference.label else "",  # a code: not translated
                swapped_km=Number(swapped_km, 1),
            )
    if reference.label:
        far = N_("{name}: layer centre is {km} km from the airport {airport}; check the file")
        return [Notice(far, name=name, km=Number(km), airport=reference.label)]
    far = N_("{name}: layer centre is {km} km from the airport; check the file")
    return [Notice(far, name=name, km=Number(km))]


def feature_ref(index: int, fid: Any) -> Notice:
    """``feature N (id X)``: which feature of a file a message is about."""
    if fid in (None, ""):
        return Notice(N_("feature {index}"), index=index)
    shown = str(fid) if len(str(fid)) <= 60 else str(fid)[:60] + "…"  # a hostile id is long
    return Notice(N_("feature {index} (id {id})"), index=index, id=shown)


def where(name: str, index: int, fid: Any) -> Notice:
    """``FILE: feature N (id X)``, the prefix of every per-feature message."""
    return Notice(N_("{name}: {feature}"), name=name, feature=feature_ref(index, fid))


def load_json_file(path: Path, max_bytes: int = MAX_LAYOUT_BYTES) -> Any:
    """Read a JSON file with the layout limits.

    Raises
    ------
    InputError
        Missing, over ``max_bytes``, not UTF-8, or not valid (or truncated) JSON.
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            N_("{path}: cannot be read ({strerror})"), path=path, strerror=exc.strerror or exc
        ) from exc
    if size > max_bytes:
        raise InputError(
            N_(
                "{name}: {size:.1f} MiB is larger than the {max_bytes:.0f} MiB limit for a layout; split the file or simplify it"
            ),
            name=name,
            size=size / 2**20,
            max_bytes=max_bytes / 2**20,
        )
    # At most one byte over the limit: a device such as /dev/zero reports size 0 and never
    # ends, so the stat above cannot be trusted alone.
    raw = read_bytes(path, limit=max_bytes)
    if len(raw) > max_bytes:
        raise InputError(
            N_("{name}: larger than the {max_bytes:.0f} MiB limit for a layout"),
            name=name,
            max_bytes=max_bytes / 2**20,
        )
    return parse_json_bytes(raw, name)


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not a number JSON allows")


def parse_json_bytes(raw: bytes, name: str) -> Any:
    """Decode UTF-8 JSON, naming the file and the place of any problem."""
    if not raw.strip():
        raise InputError(N_("{name}: the file is empty"), name=name)
    message = N_("{name}: not UTF-8 text (byte {start}, line {line}); GeoJSON must be UTF-8")
    text = utf8_text(raw, message, name=name)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        # JSON reports an unterminated string where it starts; it only happens at the end.
        truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        hint = Phrase(N_(" (the file ends early: is it truncated?)") if truncated else "")
        raise InputError(
            N_("{name}: not valid JSON at line {lineno}, column {colno}: {msg}{hint}"),
            name=name,
            lineno=exc.lineno,
            colno=exc.colno,
            msg=exc.msg,
            hint=hint,
        ) from exc
    except ValueError as exc:
        raise InputError(N_("{name}: not valid JSON: {exc}"), name=name, exc=exc) from exc
    except RecursionError as exc:
        raise InputError(N_("{name}: JSON nested too deeply to be a layout"), name=name) from exc


def _check_crs(data: dict[str, Any], name: str) -> None:
    """Refuse a file that declares a CRS other than WGS84 lon/lat."""
    crs = data.get("crs")
    if crs is None:
        return
    crs_name = ""
    if isinstance(crs, dict):
        props = crs.get("properties")
        if isinstance(props, dict):
            crs_name = str(props.get("name") or props.get("href") or "")
    if not crs_name or crs_name.strip().lower() in WGS84_NAMES:
        return
    raise InputError(
        N_(
            "{name}: declares the coordinate system {crs_name}; avsec reads WGS84 lon/lat only (RFC 7946): reproject the layer to EPSG:4326 before importing"
        ),
        name=name,
        crs_name=crs_name,
    )


def raw_features(data: Any, name: str) -> list[dict[str, Any]]:
    """The features of a parsed GeoJSON document (FeatureCollection or single Feature)."""
    if not isinstance(data, dict):
        raise InputError(
            N_("{name}: not a GeoJSON object (a FeatureCollection is expected)"), name=name
        )
    kind = data.get("type")
    _check_crs(data, name)
    if kind == "Feature":
        return [data]
    if kind != "FeatureCollection":
        raise InputError(
            N_("{name}: GeoJSON type {kind!r:.40} found; a FeatureCollection is expected"),
            name=name,
            kind=kind,
        )
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError(N_("{name}: the FeatureCollection has no features list"), name=name)
    if not features:
        raise InputError(N_("{name}: the FeatureCollection holds no features"), name=name)
    for index, item in enumerate(features):
        if not isinstance(item, dict) or item.get("type") != "Feature":
            raise InputError(N_("{name}: not a GeoJSON Feature"), name=where(name, index, None))
    return features


def _feature_id(item: dict[str, Any]) -> str | None:
    fid = item.get("id")
    if isinstance(fid, bool) or fid is None:
        return None
    if isinstance(fid, int | str):
        return str(fid) or None
    if isinstance(fid, float) and math.isfinite(fid):
        return str(int(fid)) if fid.is_integer() else str(fid)
    return None


def property_warnings(kind: str, properties: dict[str, Any]) -> list[Notice]:
    """Warnings for known properties whose values the rules cannot use (they are kept)."""
    notes: list[Notice] = []
    fields = KIND_FIELDS.get(kind, {})
    for key, allowed in fields.items():
        if key not in properties or properties[key] is None:
            continue
        value = properties[key]
        if key == "height_m":
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or value < 0
            ):
                notes.append(
                    Notice(
                        N_("height_m {value} is not a height in metres; the height rule skips it"),
                        value=f"{value!r:.30}",
                    )
                )
        elif allowed is not None and value not in allowed:
            # The values are the layout's fixed spelling (docs/architecture.md): not translated.
            shown = ", ".join(str(a).lower() if isinstance(a, bool) else str(a) for a in allowed)
            notes.append(
                Notice(
                    N_("{key} {value} is not one of {allowed}"),
                    key=key,
                    value=f"{value!r:.30}",
                    allowed=shown,
                )
            )
    return notes


def about(place: Notice, note: Notice) -> Notice:
    """``place: note``, a note about one feature of a file."""
    return Notice(N_("{place}: {note}"), place=place, note=note)


def z_dropped(place: Notice) -> Notice:
    """The note given once per file whose positions carry a height."""
    return Notice(N_("{place}: 3-D positions: the height (Z) was dropped (plan view)"), place=place)


def parse_avsec_features(data: Any, name: str) -> LayoutImport:
    """Check an avsec GeoJSON layout (every feature has ``properties.kind``).

    Raises
    ------
    InputError
        The first unusable feature, named by index and id.
    """
    from avsec.geo.validate import GeometryProblem, check_geometry

    features: list[Feature] = []
    warnings: list[Notice] = []
    seen: dict[str, int] = {}
    unknown: dict[str, int] = {}
    bounds: Bounds | None = None
    budget, z_noted = [MAX_LAYER_VERTICES], False
    for index, item in enumerate(raw_features(data, name)):
        fid = _feature_id(item)
        if fid is not None and len(fid) > MAX_FIELD_CHARS:
            raise InputError(
                N_("{place}: the id is longer than {limit:,} characters"),
                place=where(name, index, None),
                limit=MAX_FIELD_CHARS,
            )
        place = where(name, index, fid)
        props = item.get("properties")
        if props is None:
            props = {}
        if not isinstance(props, dict):
            raise InputError(N_("{place}: properties must be an object"), place=place)
        kind = props.get("kind")
        if isinstance(kind, str) and len(kind) > MAX_FIELD_CHARS:
            raise InputError(
                N_("{place}: the kind is longer than {limit:,} characters"),
                place=place,
                limit=MAX_FIELD_CHARS,
            )
        if not isinstance(kind, str) or not kind.strip():
            hint = Phrase("")
            if any(
                k in props for k in ("aeroway", "barrier", "highway", "building", "@id", "osm_id")
            ):
                hint = Phrase(N_("; this looks like OpenStreetMap data: import it with --from osm"))
            raise InputError(
                N_("{place}: no properties.kind (airside, barrier, access_point...){hint}"),
                place=place,
                hint=hint,
            )
        kind = kind.strip()
        if kind not in GEOMETRY_TYPES:
            unknown[kind] = unknown.get(kind, 0) + 1
            if unknown[kind] == 1:
                unknown_kind = N_("{place}: unknown kind {kind}; kept, but the rules ignore it")
                warnings.append(Notice(unknown_kind, place=place, kind=repr(kind)))
        geometry, had_z = flatten_positions(item.get("geometry"), place, budget)
        if had_z and not z_noted:
            z_noted = True
            warnings.append(z_dropped(place))
        try:
            checked = check_geometry(geometry, kind if kind in GEOMETRY_TYPES else None)
        except GeometryProblem as exc:
            raise InputError(N_("{place}: {exc}"), place=place, exc=exc) from exc
        warnings.extend(about(place, note) for note in checked.warnings)
        bounds = merge_bounds(bounds, checked.bounds)
        properties = {k: v for k, v in props.items() if k != "kind"}
        problem = properties_problem(properties)
        if problem is not None:
            raise InputError(
                N_("{place}: properties over the text limits ({problem})"),
                place=place,
                problem=problem,
            )
        warnings.extend(about(place, note) for note in property_warnings(kind, properties))
        if fid is not None:
            if fid in seen:
                raise InputError(
                    N_("{place}: the id is already used by feature {seen}; ids must be unique"),
                    place=place,
                    seen=seen[fid],
                )
            seen[fid] = index
        ident = {"id": fid} if fid is not None else {}
        features.append(
            Feature(kind=kind, geometry=checked.geometry, properties=properties, **ident)
        )
    for kind, count in unknown.items():
        if count > 1:
            kept = N_("{name}: {count} features of unknown kind {kind} kept in all")
            warnings.append(Notice(kept, name=name, count=count, kind=repr(kind)))
    return LayoutImport(features, warnings, bounds)


def read_layout(
    path: Path | str,
    source: Source = "avsec",
    *,
    max_bytes: int = MAX_LAYOUT_BYTES,
    reference: Reference | None = None,
    far_ok: bool = False,
) -> LayoutImport:
    """Read a layout from a GeoJSON file.

    Parameters
    ----------
    path
        The file.
    source
        ``"avsec"``: features carry ``properties.kind``. ``"osm"``: an
        OpenStreetMap export (overpass-turbo or QuickOSM GeoJSON) mapped by its tags.
    max_bytes
        Files larger than this are refused.
    reference
        The assessment's airport: when given, the layer's position is checked against it
        (:func:`check_position`) and a far layer gets a warning.
    far_ok
        The layer lies far from the airport on purpose: skip the position check.

    Returns
    -------
    LayoutImport
        The features and the warnings (repairs, unknown kinds, skipped OSM features and why).

    Raises
    ------
    InputError
        Naming the file and, where it applies, the feature's index and id; or, with
        ``reference``, coordinates that look written lat,lon.
    """
    path = Path(path)
    if source not in ("avsec", "osm"):
        raise InputError(N_("unknown layout source {source!r}; use avsec or osm"), source=source)
    data = load_json_file(path, max_bytes)
    if source == "osm":
        from avsec.io.osm import parse_osm_features

        layout = parse_osm_features(data, path.name)
    else:
        layout = parse_avsec_features(data, path.name)
    if reference is not None:
        layout.warnings.extend(check_position(layout, path.name, reference, far_ok=far_ok))
    return layout


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file so a crash leaves no half file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_geojson(
    features: Iterable[Feature], path: Path | str, *, marking: str | None = None
) -> int:
    """Write a layout as a GeoJSON FeatureCollection; return the feature count.

    Every feature keeps its id, kind and all its properties (unknown ones included), so a
    layout survives a round trip. ``marking`` (the handling marking) is written as a foreign
    member ``handling_marking`` so the file says how it must be handled.
    """
    items = list(features)
    collection = feature_collection(items)
    document: dict[str, Any] = {"type": collection["type"]}
    if marking:
        document["handling_marking"] = marking
    document["features"] = collection["features"]
    try:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        # A NaN or infinite property value cannot be written as JSON.
        raise InputError(
            N_("{name}: the layout holds a value JSON cannot store ({exc})"),
            name=Path(path).name,
            exc=exc,
        ) from exc
    atomic_write(Path(path), text.encode("utf-8"))
    return len(items)
