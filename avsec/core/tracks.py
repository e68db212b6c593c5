"""GPS tracks walked by the inspectors: the evidence of how much fence was inspected.

A track is stored in the file's extras (key :data:`TRACKS_KEY`) as a list of :class:`Track`;
adding or removing one is the undoable, journaled command of :mod:`avsec.core.track_edit`
like every other edit (docs/architecture.md, *The command model*).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.textlimits import FieldText

#: Key of the extras record holding the tracks.
TRACKS_KEY = "tracks"
#: Most points one file may hold over all its tracks (a day's walk at one fix a second is
#: about 30 000; the bound keeps a runaway logger from filling the file).
MAX_TRACK_POINTS = 200_000


class TrackPoint(BaseModel):
    """One GPS fix: WGS84 lon/lat and, when the logger recorded it, the time (UTC)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)
    time: dt.datetime | None = None


class Track(BaseModel):
    """One walked track: its segments (a logger pause starts a new one) and where it came from."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: FieldText = ""
    #: File name the track was imported from.
    source: FieldText = ""
    segments: list[list[TrackPoint]] = Field(default_factory=list)

    def point_count(self) -> int:
        """Number of fixes over all segments."""
        return sum(len(segment) for segment in self.segments)

    def lines(self) -> list[list[tuple[float, float]]]:
        """Each segment of two fixes or more as (lon, lat) pairs."""
        return [[(p.lon, p.lat) for p in s] for s in self.segments if len(s) >= 2]

    def started(self) -> dt.datetime | None:
        """Time of the first timed fix."""
        times = [p.time for s in self.segments for p in s if p.time is not None]
        return min(times) if times else None


def track_lines(tracks: list[Track]) -> list[list[tuple[float, float]]]:
    """Every drawable segment of every track, (lon, lat) pairs."""
    return [line for track in tracks for line in track.lines()]


def inspected_sentence(template: str, inspected_m: float, total_m: float, lang: str) -> str:
    """Fill ``template`` ("{inspected} km of {total} km inspected ({share})", translated by the
    caller) with kilometres to one decimal and the share, as the number format writes them."""
    from avsec.core.i18n import format_number, format_share

    share = inspected_m / total_m if total_m > 0 else 0.0
    return template.format(
        inspected=format_number(inspected_m / 1000, lang, 1),
        total=format_number(total_m / 1000, lang, 1),
        share=format_share(share, lang),
    )
