"""Link a photo with GPS to what it shows: the nearest layout feature or access-control test.

The rule (docs/architecture.md, *Photo links*): a photo links to the nearest candidate with a
time (an access-control test, placed at its access point) when it was taken within
:data:`LINK_DISTANCE_M` of it and within :data:`LINK_MINUTES` of the test's time; failing
that, to the nearest feature within :data:`LINK_DISTANCE_M` (measured to the feature's
geometry: the point, the line, or a polygon's edge). Candidates within :data:`TIE_M` of the
nearest count as equally near, and the most specific kind wins among them (an access point
before the barrier it sits on, a barrier before the zone whose edge it follows). Distances
are geodesic on the WGS84 ellipsoid (pyproj.Geod). The inspector can change the link by hand.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from pyproj import Geod
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from avsec.core.document import PhotoLink
from avsec.core.layout import Feature
from avsec.geo.projection import LocalProjection

#: A photo links to a candidate at most this far away, in metres.
LINK_DISTANCE_M = 30.0
#: ... and to a test at most this many minutes before or after it.
LINK_MINUTES = 10.0
#: Candidates this much farther than the nearest (metres) still count as equally near.
TIE_M = 1.0
#: Which kind of feature a photo links to among equally near ones: the most specific first.
KIND_ORDER = (
    "access_point",
    "barrier",
    "obstacle",
    "building",
    "parking",
    "road",
    "critical_part",
    "sra",
    "airside",
    "landside",
)
_GEOD = Geod(ellps="WGS84")
#: Features farther than this in latitude or longitude degrees are not measured at all.
_PREFILTER_DEG = 0.002


@dataclass(frozen=True)
class Candidate:
    """Something a photo may link to: its id, the point of it nearest the photo, and the
    time it happened (None for a feature, which is there all day)."""

    kind: Literal["feature", "test"]
    id: str
    lon: float
    lat: float
    time: dt.datetime | None = None
    #: Among equally near candidates the lowest rank wins (:data:`KIND_ORDER`).
    rank: int = 0


class TestRecord(Protocol):
    """What linking needs of an access-control test: its id, access point and time."""

    @property
    def id(self) -> str: ...

    @property
    def at(self) -> str: ...

    @property
    def when(self) -> dt.datetime | None: ...


def geodesic_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """The geodesic distance between two points on the WGS84 ellipsoid, in metres."""
    _, _, distance = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(distance)


def minutes_apart(first: dt.datetime, second: dt.datetime) -> float:
    """How many minutes separate two times.

    A camera writes its local clock time without a zone; a time with a zone is compared with
    it as the clock on the wall showed it (the zone dropped), so a test noted at 10:05 local
    and a photo stamped 10:09 are 4 minutes apart.
    """
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return abs((first - second).total_seconds()) / 60.0


def choose_link(
    lon: float, lat: float, taken: dt.datetime | None, candidates: Iterable[Candidate]
) -> PhotoLink | None:
    """The link of a photo at (lon, lat) taken at ``taken`` among ``candidates`` (None when
    nothing is near enough). Pure: the rule of the module docstring, nothing else."""
    timed: list[tuple[float, Candidate]] = []
    untimed: list[tuple[float, Candidate]] = []
    for candidate in candidates:
        distance = geodesic_m(lon, lat, candidate.lon, candidate.lat)
        if distance > LINK_DISTANCE_M:
            continue
        if candidate.time is None:
            untimed.append((distance, candidate))
        elif taken is not None and minutes_apart(taken, candidate.time) <= LINK_MINUTES:
            timed.append((distance, candidate))
    pool = timed or untimed
    if not pool:
        return None
    nearest = min(distance for distance, _ in pool)
    distance, chosen = min(
        (entry for entry in pool if entry[0] <= nearest + TIE_M),
        key=lambda entry: (entry[1].rank, entry[0], entry[1].id),
    )
    return PhotoLink(kind=chosen.kind, id=chosen.id, distance_m=round(distance, 1))


def _near(bounds: Sequence[float], lon: float, lat: float) -> bool:
    """Whether a feature's lon/lat box comes within about 200 m of the photo (a cheap test
    before the projection; a degree of longitude shrinks towards the poles)."""
    west, south, east, north = bounds
    lon_margin = _PREFILTER_DEG / max(math.cos(math.radians(lat)), 0.01)
    return (
        west - lon_margin <= lon <= east + lon_margin
        and south - _PREFILTER_DEG <= lat <= north + _PREFILTER_DEG
    )


def feature_candidates(features: Iterable[Feature], lon: float, lat: float) -> list[Candidate]:
    """One candidate per feature near the photo: the point of its geometry nearest the photo
    (found in a local projection centred on the photo, where distances from the centre are
    true; the distance itself is then measured geodesically)."""
    projection = LocalProjection(lon, lat)
    origin = Point(0.0, 0.0)
    out: list[Candidate] = []
    for feature in features:
        try:
            geometry = shape(feature.geometry)
        except (ValueError, TypeError, AttributeError, KeyError):
            continue  # a geometry shapely cannot read links to nothing
        if geometry.is_empty or not _near(geometry.bounds, lon, lat):
            continue
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            geometry = geometry.boundary  # the edge: a photo inside a zone is not "at" it
        metric = projection.to_metres(geometry)
        nearest = nearest_points(origin, metric)[1]
        near_lon, near_lat = projection.point_to_lonlat(nearest.x, nearest.y)
        kind = str(feature.kind)
        rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
        out.append(Candidate("feature", feature.id, near_lon, near_lat, None, rank))
    return out


def link_photo(
    lon: float | None,
    lat: float | None,
    taken: dt.datetime | None,
    features: Iterable[Feature],
    tests: Iterable[TestRecord] = (),
) -> PhotoLink | None:
    """The link of a photo from its GPS position and time (None without GPS or when nothing
    is near enough). A test stands at its access point (``at``, a feature id)."""
    if lon is None or lat is None:
        return None
    near = feature_candidates(features, lon, lat)
    by_id = {candidate.id: candidate for candidate in near}
    timed = [
        Candidate("test", test.id, by_id[test.at].lon, by_id[test.at].lat, test.when)
        for test in tests
        if test.at in by_id and test.when is not None
    ]
    return choose_link(lon, lat, taken, [*timed, *near])
