"""A large assessment for timing the report and the GUI (issues 6 and 8).

Every checklist item answered with notes, a synthetic airport layout (synthetic_airport.py at
the reference size: 2,000 features, a 40 km perimeter of 20,000 vertices), 150 geometry
findings along the perimeter, 100 photos of phone size attached to the gaps (each stored with
its report copy and thumbnail, as the app stores them), and a saved improvement outline.

Run it to write one: ``python benchmarks/large_assessment.py -o large.avsec``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import struct
import sys
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic_airport import CENTRE, synthetic_airport  # noqa: E402

from avsec.core.actions import Action  # noqa: E402
from avsec.core.assessment import Airport, Assessment, Response, Status  # noqa: E402
from avsec.core.checklist import RULE_IDS, Checklist  # noqa: E402
from avsec.core.commands import Batch, SetFeature, SetResponse, replace_outline  # noqa: E402
from avsec.core.findings import Finding  # noqa: E402
from avsec.core.outline import edit_action, generate_outline  # noqa: E402
from avsec.geo.projection import LocalProjection  # noqa: E402
from avsec.store import AvsecFile  # noqa: E402

FINDINGS = 150
PHOTOS = 100
#: A phone photo: 12 megapixels (4032 x 3024), a few MB as JPEG.
PHOTO_SIZE = (4032, 3024)

_NOTES = [
    "Walked the stretch with the duty officer; the fence fabric is loose near post {n} and "
    "the ground has washed out under it.",
    "Patrol log shows two rounds per shift instead of four; no record for the night of the "
    "visit. Supervisor says the vehicle was in maintenance.",
    "Badge readers at the door work, but the door is propped open during deliveries "
    "(seen twice in 40 minutes). Señalización en español e inglés.",
    "Screening staff follow the SOP; random checks are not recorded, so their unpredictability "
    "cannot be shown. <Note> & 'quotes' kept as typed.",
    "Vehicle passes are checked at the gate, but the pass list is dated last year and includes "
    "contractors whose work ended.",
]
_UNIT = {
    "perimeter_gap": "m",
    "barrier_below_height": "m",
    "uncontrolled_crossing": "m",
    "uncontrolled_access_point": "m",
    "access_point_off_boundary": "m",
    "sra_outside_airside": "m2",
    "critical_part_outside_sra": "m2",
    "clear_zone_obstruction": "m",
}
_ZONES = ("airside", "sra", "critical_part", "landside")


def _base_photos(size: tuple[int, int], count: int = 4) -> list[bytes]:
    """A few photo-like JPEGs: sky, ground, fence posts and sensor-like noise.

    The noise makes the files as large and as slow to decode as real photos (a smooth
    synthetic picture compresses ten times better and would flatter the timing).
    """
    width, height = size
    rng = np.random.default_rng(7)
    out = []
    for index in range(count):
        y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
        sky = np.array([150, 180, 215], np.float32) * (1 - 0.3 * y)
        ground = np.array([90, 118, 70], np.float32)
        base = np.where(y[..., None] < 0.6, sky[:, None, :], ground)
        base = np.broadcast_to(base, (height, width, 3)).copy()
        step = width // (10 + index)
        for x in range(step // 2, width, step):
            base[int(height * 0.35) : int(height * 0.75), x : x + max(2, width // 400)] = 60
        noise = rng.normal(0, 8, (height // 2, width // 2, 3)).astype(np.float32)
        base += np.repeat(np.repeat(noise, 2, axis=0), 2, axis=1)[:height, :width]
        image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=88)
        out.append(buffer.getvalue())
    return out


def _unique(jpeg: bytes, number: int) -> bytes:
    """The same picture with a JPEG comment naming it, so each photo has its own bytes."""
    comment = f"avsec benchmark photo {number}".encode()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + jpeg[2:]


def _findings(features: list, checklist: Checklist) -> list[Finding]:
    """150 findings spread along the airside boundary, every rule represented."""
    from shapely.geometry import LineString, shape

    projection = LocalProjection(*CENTRE)
    airside = next(f for f in features if f.kind == "airside")
    boundary = projection.to_metres(shape(airside.geometry)).exterior
    out = []
    for i in range(FINDINGS):
        rule = RULE_IDS[i % len(RULE_IDS)]
        distance = boundary.length * (i + 0.5) / FINDINGS
        point = boundary.interpolate(distance)
        lon, lat = projection.point_to_lonlat(point.x, point.y)
        if rule == "perimeter_gap":
            stretch = LineString(
                [boundary.interpolate(distance - 15), boundary.interpolate(distance + 15)]
            )
            geometry = projection.metres_to_geojson(stretch)
            value = 30.0
        else:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
            value = float(1 + (i * 37) % 200)
        severity = ("critical", "major", "minor")[i % 3]
        out.append(
            Finding(
                rule=rule,
                severity=severity,
                value=value,
                unit=_UNIT[rule],
                location=(lon, lat),
                geometry=geometry,
                features=[airside.id],
                items=checklist.items_for_rule(rule),
                message={
                    "en": f"{rule.replace('_', ' ').capitalize()} at {distance:.0f} m along the perimeter",
                    "es": f"{rule.replace('_', ' ').capitalize()} a {distance:.0f} m del perímetro",
                },
                zone=_ZONES[i % len(_ZONES)],
            )
        )
    return out


def make_large_assessment(
    path: Path,
    checklist: Checklist,
    *,
    photo_size: tuple[int, int] = PHOTO_SIZE,
    layout_scale: float = 1.0,
) -> Path:
    """Write a large assessment to ``path`` (replaced if it exists) and return the path.

    Parameters
    ----------
    path
        The .avsec file to write.
    checklist
        The checklist; every item gets a status and notes.
    photo_size
        Pixel size of the 100 photos (phone size by default).
    layout_scale
        Size of the synthetic airport (1 = 40 km perimeter, 2,000 features).
    """
    path = Path(path)
    assessment = Assessment(
        title="Large synthetic assessment",
        airport=Airport(
            icao="ZZLG",
            iata="ZLG",
            name="Synthetic International",
            city="Nowhere",
            country="XX",
            lat=CENTRE[1],
            lon=CENTRE[0],
            custom=True,
        ),  # fmt: skip
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        started=dt.date(2025, 5, 5),
        ended=dt.date(2025, 5, 9),
        team=["Inspector One", "Inspectora Dos", "Inspector Three"],
        organisation="Synthetic Civil Aviation Authority",
    )
    statuses = (
        Status.COMPLIANT,
        Status.NOT_COMPLIANT,
        Status.PARTIALLY_COMPLIANT,
        Status.COMPLIANT,
        Status.NOT_COMPLIANT,
        Status.PARTIALLY_COMPLIANT,
        Status.COMPLIANT,
        Status.NOT_APPLICABLE,
    )
    bases = _base_photos(photo_size)
    with AvsecFile.create(path, assessment, checklist, user="benchmark", overwrite=True) as f:
        features = synthetic_airport(layout_scale, seed=3)
        f.apply(Batch("Import the synthetic layout", [SetFeature(x.id, None, x) for x in features]))
        items = checklist.item_ids()
        responses = {
            item_id: Response(
                item_id=item_id,
                status=statuses[i % len(statuses)],
                notes=" ".join(_NOTES[(i + k) % len(_NOTES)].format(n=i + k) for k in range(2)),
                updated_by="benchmark",
            )
            for i, item_id in enumerate(items)
        }
        gap_items = [
            i
            for i in items
            if responses[i].status in (Status.NOT_COMPLIANT, Status.PARTIALLY_COMPLIANT)
        ]
        for number in range(PHOTOS):
            photo_id = f.add_attachment(
                _unique(bases[number % len(bases)], number),
                filename=f"IMG_{number:04d}.jpg",
                taken=dt.datetime(2025, 5, 6, 9, 0) + dt.timedelta(minutes=7 * number),
            )
            responses[gap_items[number % len(gap_items)]].photos.append(photo_id)
        f.apply(Batch("Answer every item", [SetResponse(i, None, r) for i, r in responses.items()]))
        findings = _findings(features, checklist)
        f.set_findings(findings)
        doc = f.document()
        outline = generate_outline(
            checklist, doc.responses, findings, lang="en", today=dt.date(2025, 5, 12)
        )
        owners = ("Airport security manager", "Operations", "Maintenance", "ID office")
        edited: list[Action] = [
            edit_action(a, owner=owners[i % len(owners)]) if i % 2 == 0 else a
            for i, a in enumerate(outline)
        ]
        f.apply(replace_outline(doc, edited, "Agree the outline"))
    return path


def main() -> int:
    """Write a large assessment file."""
    from avsec.io.checklists import get_checklist

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    out = make_large_assessment(Path(args.output), get_checklist())
    print(f"wrote {out} ({out.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
