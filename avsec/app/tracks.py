"""Import a walked GPS track into an assessment (``avsec track import``, File > Import track).

The GPX is read and checked completely (:func:`avsec.io.gpx.read_gpx`), then every fix must
lie within :data:`MAX_TRACK_DISTANCE_M` of the airport reference point: a track from another
airport (or a phone that logged the drive there) is refused rather than silently drawn off
the map. Nothing is stored unless all of it is usable; the import is one undoable edit.
"""

from __future__ import annotations

from pathlib import Path

from avsec.core.assessment import Assessment
from avsec.core.errors import InputError
from avsec.core.track_edit import SetTracks, add_tracks
from avsec.core.tracks import MAX_TRACK_POINTS, Track
from avsec.io.gpx import read_gpx

#: Farthest a track fix may lie from the airport reference point, metres.
MAX_TRACK_DISTANCE_M = 50_000.0


def farthest_fix_m(tracks: list[Track], lon: float, lat: float) -> float:
    """Distance on the WGS84 ellipsoid from (lon, lat) to the farthest fix, metres."""
    import numpy as np
    from pyproj import Geod

    lons = np.array([p.lon for t in tracks for s in t.segments for p in s], dtype=float)
    lats = np.array([p.lat for t in tracks for s in t.segments for p in s], dtype=float)
    if not len(lons):
        return 0.0
    _, _, dist = Geod(ellps="WGS84").inv(
        np.full(len(lons), lon), np.full(len(lats), lat), lons, lats
    )
    return float(np.max(dist))


def track_import(
    assessment: Assessment, current: list[Track], path: Path, name: str = ""
) -> SetTracks:
    """The command adding the tracks of the GPX file ``path`` to the ``current`` ones.

    Raises
    ------
    InputError
        The GPX is unusable (:func:`read_gpx`), a fix lies more than 50 km from the airport,
        or the file would hold more than :data:`MAX_TRACK_POINTS` fixes.
    """
    new = read_gpx(path, name)
    airport = assessment.airport
    far = farthest_fix_m(new, airport.lon, airport.lat)
    if far > MAX_TRACK_DISTANCE_M:
        where = airport.icao or airport.name
        raise InputError(
            f"{path.name}: the track runs {far / 1000:.0f} km from the airport {where} "
            f"(at most {MAX_TRACK_DISTANCE_M / 1000:.0f} km); is it the right file?"
        )
    total = sum(t.point_count() for t in [*current, *new])
    if total > MAX_TRACK_POINTS:
        raise InputError(
            f"{path.name}: the assessment would hold {total} track points "
            f"(at most {MAX_TRACK_POINTS})"
        )
    return add_tracks(current, new, path.name)
