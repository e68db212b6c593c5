"""Read GPS tracks from GPX files (1.0 and 1.1, as phones and handheld receivers write them).

The file's size is checked before it is read and its XML by defusedxml before gpxpy parses
it: a document type declaration or entity (an XML bomb, an external entity) is refused, as
is a file over :data:`MAX_GPX_BYTES` or over :data:`~avsec.core.tracks.MAX_TRACK_POINTS`
fixes. Every problem is an :class:`~avsec.core.errors.InputError` naming the file.

:func:`track_import` (``avsec track import``, File > Import track, the training airport)
also refuses a track more than :data:`MAX_TRACK_DISTANCE_M` from the airport reference
point: a track from another airport (or a phone that logged the drive there) is refused
rather than silently drawn off the map. Nothing is stored unless all of it is usable; the
import is one undoable edit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from avsec.core.assessment import Assessment
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.core.track_edit import SetTracks, add_tracks
from avsec.core.tracks import MAX_TRACK_POINTS, Track, TrackPoint

#: Largest GPX file read, bytes (a day's walk logged every second is about 5 MB).
MAX_GPX_BYTES = 50 * 1024 * 1024


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # GPX times are UTC by the standard
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            N_("{name}: cannot read the file ({reason})"), name=path.name, reason=exc.strerror
        ) from None
    if size > MAX_GPX_BYTES:
        raise InputError(
            N_("{name}: the file is too large for a GPS track ({size} MB, at most {limit} MB)"),
            name=path.name,
            size=size // (1024 * 1024),
            limit=MAX_GPX_BYTES // (1024 * 1024),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            N_("{name}: cannot read the file ({reason})"), name=path.name, reason=exc.strerror
        ) from None
    if not data.strip():
        raise InputError(N_("{name}: the file is empty"), name=path.name)
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except DefusedXmlException:
        raise InputError(
            N_("{name}: the GPX declares a document type or entities; refused (unsafe XML)"),
            name=path.name,
        ) from None
    except ParseError as exc:
        raise InputError(
            N_("{name}: not a GPX file (malformed XML: {reason})"), name=path.name, reason=exc
        ) from None
    if root.tag.rsplit("}", 1)[-1] != "gpx":
        raise InputError(
            N_("{name}: not a GPX file (the root element is not <gpx>)"), name=path.name
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_gpx(path: Path, name: str = "") -> list[Track]:
    """The tracks of a GPX file, one :class:`Track` per ``<trk>`` (routes are not walks).

    ``name`` (``--name``) names the tracks; otherwise each keeps its own ``<name>``, or the
    file's name. Segments of fewer than two fixes are dropped.

    Raises
    ------
    InputError
        Unreadable, too large, unsafe or malformed XML, not GPX, no track with two fixes or
        more, or more than :data:`MAX_TRACK_POINTS` fixes.
    """
    import gpxpy
    import gpxpy.gpx

    text = _text(path)
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        raise InputError(
            N_("{name}: not a usable GPX file ({reason})"), name=path.name, reason=str(exc)[:160]
        ) from None
    count = sum(len(s.points) for t in gpx.tracks for s in t.segments)
    if count > MAX_TRACK_POINTS:
        raise InputError(
            N_("{name}: too many track points ({count}, at most {limit})"),
            name=path.name,
            count=count,
            limit=MAX_TRACK_POINTS,
        )
    tracks: list[Track] = []
    for n, trk in enumerate(gpx.tracks, start=1):
        segments = []
        for segment in trk.segments:
            points = []
            for p in segment.points:
                if not (-90 <= p.latitude <= 90 and -180 <= p.longitude <= 180):
                    raise InputError(
                        N_(
                            "{name}: track {n} has a point outside the Earth (lat {lat}, lon {lon})"
                        ),
                        name=path.name,
                        n=n,
                        lat=p.latitude,
                        lon=p.longitude,
                    )
                points.append(TrackPoint(lon=p.longitude, lat=p.latitude, time=_utc(p.time)))
            if len(points) >= 2:
                segments.append(points)
        if not segments:
            continue
        own = (trk.name or "").strip()
        label = name or own or path.stem
        if name and len(gpx.tracks) > 1:
            label = f"{name} {n}"
        tracks.append(
            Track(
                id=uuid.uuid4().hex,
                name=label[:MAX_FIELD_CHARS],
                source=path.name[:MAX_FIELD_CHARS],
                segments=segments,
            )
        )
    if not tracks:
        raise InputError(
            N_("{name}: the GPX holds no track (no <trk> with two points or more)"),
            name=path.name,
        )
    return tracks


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
            N_(
                "{name}: the track runs {far:.0f} km from the airport {where} "
                "(at most {limit:.0f} km); is it the right file?"
            ),
            name=path.name,
            far=far / 1000,
            where=where,
            limit=MAX_TRACK_DISTANCE_M / 1000,
        )
    total = sum(t.point_count() for t in [*current, *new])
    if total > MAX_TRACK_POINTS:
        raise InputError(
            N_("{name}: the assessment would hold {total} track points (at most {limit})"),
            name=path.name,
            total=total,
            limit=MAX_TRACK_POINTS,
        )
    return add_tracks(current, new, path.name)
