"""Assessment documents, layouts, findings, catalogues and photos built in code for tests."""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw

from avsec.core.checklist import (
    Crosswalk,
    CrosswalkMapping,
    Provision,
    ProvisionCatalogue,
)
from avsec.core.document import AssessmentDocument, AttachmentInfo
from avsec.core.findings import Finding
from avsec.core.layout import Feature

FIXTURES = Path(__file__).parents[1] / "fixtures"
LON0, LAT0 = -80.0, 10.0
#: Degrees per metre near the test airport (good enough for drawing).
DLAT = 1 / 111_320
DLON = 1 / (111_320 * math.cos(math.radians(LAT0)))


def lonlat(x: float, y: float) -> list[float]:
    """Metres east/north of the test airport centre as [lon, lat]."""
    return [LON0 + x * DLON, LAT0 + y * DLAT]


def ring(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return [lonlat(x0, y0), lonlat(x1, y0), lonlat(x1, y1), lonlat(x0, y1), lonlat(x0, y0)]


def polygon(kind: str, x0: float, y0: float, x1: float, y1: float, **props: object) -> Feature:
    return Feature(
        kind=kind,
        geometry={"type": "Polygon", "coordinates": [ring(x0, y0, x1, y1)]},
        properties=dict(props),
    )


def line(kind: str, points: list[tuple[float, float]], **props: object) -> Feature:
    return Feature(
        kind=kind,
        geometry={"type": "LineString", "coordinates": [lonlat(x, y) for x, y in points]},
        properties=dict(props),
    )


def point(kind: str, x: float, y: float, **props: object) -> Feature:
    return Feature(
        kind=kind, geometry={"type": "Point", "coordinates": lonlat(x, y)}, properties=dict(props)
    )


def sample_layout() -> list[Feature]:
    """A small airport: zones, fence with a gap, a wall, roads, gates, a building, obstacles."""
    return [
        polygon("landside", -1400, -900, 1400, -500, name="Landside"),
        polygon("airside", -1400, -500, 1400, 700, name="Airside"),
        polygon("sra", -600, -450, 200, 0, name="Apron"),
        polygon("critical_part", -450, -420, -150, -250, name="Departures"),
        polygon("building", -500, -560, -100, -430, role="terminal", name="Terminal"),
        polygon("parking", 300, -850, 700, -600, name="Car park"),
        line("barrier", [(-1400, -500), (-200, -500)], barrier="fence", height_m=2.5),
        line("barrier", [(-150, -500), (1400, -500), (1400, 700)], barrier="fence", height_m=2.0),
        line("barrier", [(1400, 700), (-1400, 700), (-1400, -500)], barrier="wall", height_m=3.0),
        line("barrier", [(600, 700), (900, 700)], barrier="fence", condition="damaged"),
        line("road", [(-1400, -700), (1400, -700)], name="Access road"),
        line("road", [(800, -900), (800, 200)], name="Service road"),
        point("access_point", -300, -500, name="Gate 1", control="staffed", mode="vehicle"),
        point("access_point", 1000, -500, name="Gate 2", control="uncontrolled"),
        point("obstacle", 1200, -480, obstacle="tree", height_m=6),
        polygon("obstacle", -900, 640, -860, 690, obstacle="container"),
    ]


def sample_findings() -> list[Finding]:
    gap_line = {"type": "LineString", "coordinates": [lonlat(-200, -500), lonlat(-150, -500)]}
    return [
        Finding(
            rule="perimeter_gap",
            severity="critical",
            value=50.0,
            unit="m",
            location=tuple(lonlat(-175, -500)),
            geometry=gap_line,
            items=["PER-01"],
            message={
                "en": "Opening of 50 m in the perimeter",
                "es": "Abertura de 50 m en el perímetro",
            },
            zone="airside",
        ),
        Finding(
            rule="barrier_below_height",
            severity="major",
            value=2150.0,
            unit="m",
            location=tuple(lonlat(600, -500)),
            geometry={"type": "Point", "coordinates": lonlat(600, -500)},
            items=["PER-02"],
            message={"en": "Fence below 2.44 m", "es": "Cerca por debajo de 2,44 m"},
            zone="airside",
        ),
        Finding(
            rule="uncontrolled_access_point",
            severity="critical",
            value=0.0,
            unit="m",
            location=tuple(lonlat(1000, -500)),
            geometry={"type": "Point", "coordinates": lonlat(1000, -500)},
            items=["ACP-01"],
            message={"en": "Gate 2 is uncontrolled", "es": "La puerta 2 no tiene control"},
            zone="airside",
        ),
        Finding(
            rule="clear_zone_obstruction",
            severity="minor",
            value=1.5,
            unit="m",
            location=tuple(lonlat(1200, -480)),
            geometry={"type": "Point", "coordinates": lonlat(1200, -480)},
            items=[],
            message={"en": "Tree 1.5 m from the fence", "es": "Árbol a 1,5 m de la cerca"},
            zone="airside",
        ),
    ]


def sample_catalogue() -> ProvisionCatalogue:
    """Provisions for A17:4.2.1 and 4.2.3 only: 4.2.6 stays missing on purpose."""
    return ProvisionCatalogue(
        editions={"A17": "12th edition (2022)"},
        provisions=[
            Provision(
                id="A17:4.2.1",
                framework="A17",
                kind="standard",
                title={
                    "en": "Access to airside controlled",
                    "es": "Acceso controlado a la parte aeronáutica",
                },
                summary={
                    "en": "Airside access is controlled.",
                    "es": "Se controla el acceso a la parte aeronáutica.",
                },
            ),
            Provision(
                id="A17:4.2.3",
                framework="A17",
                kind="standard",
                title={"en": "Identification systems", "es": "Sistemas de identificación"},
                confidence="unconfirmed",
            ),
            Provision(
                id="EU2015/1998:1.2.1",
                framework="EU2015/1998",
                kind="regulation",
                title={"en": "Access to airside", "es": "Acceso a la parte aeronáutica"},
            ),
        ],
        crosswalks=[
            Crosswalk(
                id="a17-eu",
                source_framework="A17",
                target_framework="EU2015/1998",
                mappings=[
                    CrosswalkMapping(
                        source="A17:4.2.1", target="EU2015/1998:1.2.1", relationship="superset"
                    )
                ],
            )
        ],
    )


def jpeg_bytes(width: int, height: int, seed: int = 0) -> bytes:
    """A photo-like JPEG: gradient sky, ground and a numbered fence post."""
    image = Image.new("RGB", (width, height), (150, 180, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 0.6, width, height), fill=(90, 120, 70))
    step = max(4, width // 12)
    for x in range(seed % step, width, step):
        draw.line(
            (x, height * 0.35, x, height * 0.75), fill=(60, 60, 60), width=max(1, width // 300)
        )
    draw.line(
        (0, height * 0.4, width, height * 0.42), fill=(80, 80, 80), width=max(1, width // 400)
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def attach(
    doc: AssessmentDocument, store: dict[str, bytes], item_id: str, data: bytes, photo_id: str
) -> None:
    """Attach ``data`` as ``photo_id`` to ``item_id`` (data empty: a missing photo)."""
    if data:
        store[photo_id] = data
    doc.attachments.append(AttachmentInfo(id=photo_id, filename=f"{photo_id}.jpg", size=len(data)))
    doc.responses[item_id].photos.append(photo_id)
