"""The training airport's layout, drawn in metres and projected to GeoJSON.

Isla Ejemplo (ZZEJ) is fictional: the ICAO prefix ZZ belongs to no State and the centre lies in
open sea. The layout is written here in local metres (x east, y north of the centre) because a
trainer who wants to move a fence says "40 m further north", not "0.00036 degrees". Running

    python -m avsec.workshop.training_layout

rewrites ``assets/training/layout.geojson``; a test checks that the shipped file matches this
module, so the two never drift apart.

Seeded defects (one or more for each geometry rule in docs/architecture.md):

========================== ===================================================================
rule                       where
========================== ===================================================================
perimeter_gap              40 m of north fence removed at the drainage works (x 600..640)
barrier_below_height       the 500 m west fence is old 1.8 m chain-link
uncontrolled_crossing      the fuel-farm road crosses the east fence 25 m from gate E2
uncontrolled_access_point  maintenance gate N1 is left open (padlock missing)
access_point_off_boundary  the crew-room desk was mapped 25 m landside of the security line
sra_outside_airside        the cargo SRA is drawn 15 m beyond the east fence
critical_part_outside_sra  the remote-stand bus lounge sticks 30 m out of the apron SRA
clear_zone_obstruction     a tree, a container, a hedge and the staff car park at the fence
========================== ===================================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The fictional airport reference point (open Caribbean Sea, far from any real aerodrome).
CENTRE_LON = -77.5
CENTRE_LAT = 14.2

#: Airside boundary (a 2000 m x 500 m rectangle: 5.0 km of perimeter).
WEST, EAST, SOUTH, NORTH = -1000.0, 1000.0, -200.0, 300.0

Coords = list[tuple[float, float]]


@dataclass(frozen=True)
class Shape:
    """One layout feature in local metres."""

    id: str
    kind: str
    geometry: str  # Point, LineString or Polygon
    coords: Coords
    properties: dict[str, Any] = field(default_factory=dict)


def _box(x0: float, y0: float, x1: float, y1: float) -> Coords:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def _zones() -> list[Shape]:
    return [
        Shape(
            "zz-airside",
            "airside",
            "Polygon",
            _box(WEST, SOUTH, EAST, NORTH),
            {"name": "Airside"},
        ),
        Shape(
            "zz-landside",
            "landside",
            "Polygon",
            _box(WEST, -650, EAST, SOUTH),
            {"name": "Landside (terminal, car parks, Airport Avenue)"},
        ),
        Shape(
            "zz-sra-apron",
            "sra",
            "Polygon",
            _box(-300, SOUTH, 300, 40),
            {"name": "SRA 1: passenger apron and pier"},
        ),
        Shape(
            # Seeded: drawn to the cargo building line, 15 m beyond the east fence.
            "zz-sra-cargo",
            "sra",
            "Polygon",
            _box(700, SOUTH, 1015, -20),
            {"name": "SRA 2: cargo and catering"},
        ),
        Shape(
            "zz-cp-lounge",
            "critical_part",
            "Polygon",
            _box(-120, -196, 120, -140),
            {"name": "Critical part: departure lounge and gates 1-4"},
        ),
        Shape(
            # Seeded: the bus lounge for the remote stands reaches 30 m out of SRA 1.
            "zz-cp-bus",
            "critical_part",
            "Polygon",
            _box(290, -190, 330, -160),
            {"name": "Critical part: remote-stand bus lounge"},
        ),
    ]


def _fence(
    fid: str,
    coords: Coords,
    name: str,
    *,
    barrier: str = "fence",
    height: float = 2.5,
    topping: str = "barbed_wire",
    condition: str = "good",
    lighting: bool = False,
    cctv: bool = False,
    intrusion: bool = False,
) -> Shape:
    return Shape(
        fid,
        "barrier",
        "LineString",
        coords,
        {
            "name": name,
            "barrier": barrier,
            "height_m": height,
            "topping": topping,
            "condition": condition,
            "lighting": lighting,
            "cctv": cctv,
            "intrusion_detection": intrusion,
        },
    )


def _barriers() -> list[Shape]:
    # Gates sit on the fence line: the fence runs through them, so a gate is never a gap.
    return [
        _fence(
            "zz-fence-south-west",
            [(WEST, SOUTH), (-180, SOUTH)],
            "South fence, west of the terminal",
            height=2.8,
            topping="razor_wire",
            lighting=True,
            cctv=True,
        ),
        _fence(
            "zz-wall-terminal",
            [(-180, SOUTH), (180, SOUTH)],
            "Terminal security line (glazed wall between hall and pier)",
            barrier="wall",
            height=6.0,
            topping="none",
            lighting=True,
            cctv=True,
            intrusion=True,
        ),
        _fence(
            "zz-fence-south-east",
            [(180, SOUTH), (EAST, SOUTH)],
            "South fence, cargo frontage",
            height=2.8,
            topping="razor_wire",
            lighting=True,
            cctv=True,
        ),
        _fence(
            "zz-fence-east-south",
            [(EAST, SOUTH), (EAST, 100)],
            "East fence, southern part",
            height=2.6,
            topping="barbed_wire",
            lighting=True,
        ),
        _fence(
            "zz-fence-east-north",
            [(EAST, 100), (EAST, NORTH)],
            "East fence, northern part (fabric cut and tied back in places)",
            height=2.6,
            topping="barbed_wire",
            condition="damaged",
        ),
        _fence(
            "zz-fence-north-east",
            [(EAST, NORTH), (640, NORTH)],
            "North fence, east of the drainage works",
        ),
        # Seeded perimeter_gap: nothing between x = 640 and x = 600 (drainage works).
        _fence(
            "zz-fence-north-west",
            [(600, NORTH), (WEST, NORTH)],
            "North fence, along the runway",
        ),
        _fence(
            # Seeded barrier_below_height.
            "zz-fence-west",
            [(WEST, NORTH), (WEST, SOUTH)],
            "West fence (old chain-link)",
            height=1.8,
            topping="none",
        ),
        _fence(
            "zz-fence-cargo-sra",
            [(700, SOUTH), (700, -20), (EAST, -20)],
            "Cargo SRA fence",
            height=2.5,
            lighting=True,
        ),
    ]


def _gate(
    fid: str, x: float, y: float, name: str, mode: str, control: str, screening: bool
) -> Shape:
    return Shape(
        fid,
        "access_point",
        "Point",
        [(x, y)],
        {"name": name, "mode": mode, "control": control, "screening": screening},
    )


def _access_points() -> list[Shape]:
    return [
        _gate("zz-ap-01", 0, SOUTH, "Passenger security checkpoint", "pedestrian", "staffed", True),
        _gate(
            "zz-ap-02",
            100,
            SOUTH,
            "Staff checkpoint (card reader)",
            "pedestrian",
            "electronic",
            True,
        ),
        # Seeded access_point_off_boundary: 25 m landside of the security line.
        _gate("zz-ap-03", -100, -225, "Crew-room desk", "pedestrian", "staffed", False),
        _gate("zz-ap-04", -400, SOUTH, "Vehicle checkpoint VCP 1", "vehicle", "staffed", True),
        _gate("zz-ap-05", -300, -100, "Apron gate A (into SRA 1)", "vehicle", "staffed", False),
        _gate("zz-ap-06", 800, SOUTH, "Cargo gate", "mixed", "staffed", False),
        _gate("zz-ap-07", 900, SOUTH, "Catering gate", "vehicle", "electronic", False),
        _gate("zz-ap-08", EAST, 75, "Fuel-farm gate E2", "vehicle", "locked", False),
        # Seeded uncontrolled_access_point.
        _gate("zz-ap-09", -300, NORTH, "Maintenance gate N1", "vehicle", "uncontrolled", False),
        _gate(
            "zz-ap-10", WEST, 100, "Emergency gate W1 (fire service)", "vehicle", "locked", False
        ),
        _gate(
            "zz-ap-11", WEST, -100, "Aeroclub pedestrian gate W2", "pedestrian", "electronic", False
        ),
    ]


def _road(fid: str, coords: Coords, name: str, **extra: Any) -> Shape:
    return Shape(fid, "road", "LineString", coords, {"name": name, **extra})


def _roads() -> list[Shape]:
    return [
        _road("zz-road-avenue", [(-980, -420), (980, -420)], "Airport Avenue"),
        _road("zz-road-access", [(0, -640), (0, -420)], "Access road from Puerto Ejemplo"),
        _road(
            "zz-road-forecourt",
            [(-250, -420), (-250, -310), (250, -310), (250, -420)],
            "Terminal forecourt",
        ),
        _road(
            "zz-road-service",
            [(-400, -420), (-400, -100), (-200, -100)],
            "Service road (VCP 1 and apron gate A)",
        ),
        _road("zz-road-cargo", [(800, -420), (800, -100)], "Cargo road"),
        _road("zz-road-catering", [(900, -420), (900, -150)], "Catering road"),
        # Seeded uncontrolled_crossing: crosses the east fence at y = 50, gate E2 is at y = 75.
        _road("zz-road-fuel", [(1070, 50), (850, 50)], "Fuel-farm road"),
        _road("zz-road-maintenance", [(-300, 380), (-300, 250)], "Maintenance track"),
        _road("zz-road-emergency", [(-1100, 100), (-960, 100)], "Emergency access road"),
        _road(
            "zz-road-patrol",
            [(-990, -150), (-990, 290), (990, 290), (990, 0)],
            "Perimeter patrol road",
        ),
        _road(
            "zz-road-runway",
            [(-900, 150), (900, 150)],
            "Runway 09/27 (movement area, drawn as a line)",
            aeroway="runway",
            width_m=45,
        ),
    ]


def _building(fid: str, box: Coords, name: str, role: str) -> Shape:
    return Shape(fid, "building", "Polygon", box, {"name": name, "role": role})


def _buildings() -> list[Shape]:
    # Every building keeps more than the 3 m clear zone from the fence: the terminal hall and
    # the pier stand 4 m either side of the security line.
    return [
        _building(
            "zz-bld-terminal-hall",
            _box(-180, -290, 180, -204),
            "Terminal hall (landside)",
            "terminal",
        ),
        _building(
            "zz-bld-terminal-pier",
            _box(-180, -196, 180, -120),
            "Terminal pier (airside)",
            "terminal",
        ),
        _building("zz-bld-cargo", _box(720, -180, 860, -100), "Cargo shed", "cargo"),
        _building("zz-bld-catering", _box(880, -185, 960, -120), "Catering unit", "other"),
        _building("zz-bld-hangar", _box(-700, -150, -560, -60), "Maintenance hangar", "hangar"),
        _building("zz-bld-aeroclub", _box(-950, -150, -880, -80), "Aeroclub hangar", "hangar"),
        _building("zz-bld-tower", _box(350, -120, 380, -90), "Control tower", "other"),
        _building("zz-bld-fire", _box(-60, 220, 40, 270), "Fire station", "other"),
        _building(
            "zz-bld-admin", _box(400, -300, 520, -240), "Administration and ID office", "other"
        ),
        _building(
            "zz-bld-fuel", _box(1040, 20, 1120, 110), "Fuel farm (tanks and office)", "other"
        ),
    ]


def _parking() -> list[Shape]:
    return [
        Shape(
            "zz-park-public",
            "parking",
            "Polygon",
            _box(-600, -400, -300, -320),
            {"name": "Public car park"},
        ),
        Shape(
            "zz-park-rental",
            "parking",
            "Polygon",
            _box(300, -400, 450, -330),
            {"name": "Rental cars"},
        ),
        # Seeded clear_zone_obstruction: its north edge is 1.5 m from the south fence.
        Shape(
            "zz-park-staff",
            "parking",
            "Polygon",
            _box(-850, -240, -650, -201.5),
            {"name": "Staff car park"},
        ),
        Shape(
            "zz-park-gse",
            "parking",
            "Polygon",
            _box(150, -100, 280, -40),
            {"name": "Ground equipment parking"},
        ),
        Shape(
            "zz-park-aeroclub",
            "parking",
            "Polygon",
            _box(-1060, -130, -1020, -70),
            {"name": "Aeroclub car park"},
        ),
    ]


def _obstacles() -> list[Shape]:
    return [
        # Seeded clear_zone_obstruction (three of them).
        Shape(
            "zz-obs-tree",
            "obstacle",
            "Point",
            [(200, 298.5)],
            {"name": "Mango tree", "obstacle": "tree", "height_m": 7},
        ),
        Shape(
            "zz-obs-container",
            "obstacle",
            "Point",
            [(850, -198.0)],
            {"name": "Stacked ULD containers", "obstacle": "container", "height_m": 2.6},
        ),
        Shape(
            "zz-obs-hedge",
            "obstacle",
            "Polygon",
            _box(-1010, 0, -1002, 60),
            {
                "name": "Overgrown hedge outside the west fence",
                "obstacle": "vegetation",
                "height_m": 3,
            },
        ),
        # Far enough from the fence: no finding.
        Shape(
            "zz-obs-mast",
            "obstacle",
            "Point",
            [(-415, -215)],
            {"name": "Floodlight mast", "obstacle": "pole", "height_m": 15},
        ),
        Shape(
            "zz-obs-windsock",
            "obstacle",
            "Point",
            [(-800, 200)],
            {"name": "Windsock", "obstacle": "pole", "height_m": 6},
        ),
    ]


def shapes() -> list[Shape]:
    """Return every feature of the training airport in local metres, in drawing order."""
    return (
        _zones()
        + _parking()
        + _buildings()
        + _roads()
        + _barriers()
        + _obstacles()
        + _access_points()
    )


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    """Project one local-metre point of the training airport to (lon, lat)."""
    from avsec.geo.projection import LocalProjection

    return LocalProjection(CENTRE_LON, CENTRE_LAT).point_to_lonlat(x, y)


#: Spanish names of the features, written as ``name:es`` (OpenStreetMap's convention for a
#: name in another language) so Spanish-speaking teams read their own terms on the map.
NAMES_ES: dict[str, str] = {
    "Access road from Puerto Ejemplo": "Vía de acceso desde Puerto Ejemplo",
    "Administration and ID office": "Administración y oficina de tarjetas de identificación",
    "Aeroclub car park": "Estacionamiento del aeroclub",
    "Aeroclub hangar": "Hangar del aeroclub",
    "Aeroclub pedestrian gate W2": "Puerta peatonal del aeroclub W2",
    "Airport Avenue": "Avenida del Aeropuerto",
    "Airside": "Parte aeronáutica",
    "Apron gate A (into SRA 1)": "Puerta de plataforma A (hacia la ZSR 1)",
    "Cargo SRA fence": "Cerca de la ZSR de carga",
    "Cargo gate": "Puerta de carga",
    "Cargo road": "Vía de carga",
    "Cargo shed": "Terminal de carga",
    "Catering gate": "Puerta de comisariato",
    "Catering road": "Vía de comisariato",
    "Catering unit": "Unidad de comisariato (catering)",
    "Control tower": "Torre de control",
    "Crew-room desk": "Mostrador de la sala de tripulaciones",
    "Critical part: departure lounge and gates 1-4": "Parte crítica: sala de embarque y puertas 1-4",
    "Critical part: remote-stand bus lounge": "Parte crítica: sala de embarque remoto",
    "East fence, northern part (fabric cut and tied back in places)": "Cerca este, tramo norte (malla cortada y amarrada en algunos puntos)",
    "East fence, southern part": "Cerca este, tramo sur",
    "Emergency access road": "Vía de acceso de emergencia",
    "Emergency gate W1 (fire service)": "Puerta de emergencia W1 (servicio de bomberos)",
    "Fire station": "Estación de bomberos",
    "Floodlight mast": "Poste de iluminación",
    "Fuel farm (tanks and office)": "Planta de combustible (tanques y oficina)",
    "Fuel-farm gate E2": "Puerta de la planta de combustible E2",
    "Fuel-farm road": "Vía de la planta de combustible",
    "Ground equipment parking": "Estacionamiento de equipo de apoyo en tierra",
    "Landside (terminal, car parks, Airport Avenue)": "Parte pública (terminal, estacionamientos, Avenida del Aeropuerto)",
    "Maintenance gate N1": "Puerta de mantenimiento N1",
    "Maintenance hangar": "Hangar de mantenimiento",
    "Maintenance track": "Camino de mantenimiento",
    "Mango tree": "Árbol de mango",
    "North fence, along the runway": "Cerca norte, a lo largo de la pista",
    "North fence, east of the drainage works": "Cerca norte, al este de las obras de drenaje",
    "Overgrown hedge outside the west fence": "Seto crecido por fuera de la cerca oeste",
    "Passenger security checkpoint": "Punto de inspección de pasajeros",
    "Perimeter patrol road": "Camino de patrullaje perimetral",
    "Public car park": "Estacionamiento público",
    "Rental cars": "Autos de alquiler",
    "Runway 09/27 (movement area, drawn as a line)": "Pista 09/27 (área de movimiento, dibujada como línea)",
    "SRA 1: passenger apron and pier": "ZSR 1: plataforma de pasajeros y muelle",
    "SRA 2: cargo and catering": "ZSR 2: carga y comisariato",
    "Service road (VCP 1 and apron gate A)": "Vía de servicio (PCV 1 y puerta de plataforma A)",
    "South fence, cargo frontage": "Cerca sur, frente de carga",
    "South fence, west of the terminal": "Cerca sur, al oeste de la terminal",
    "Stacked ULD containers": "Contenedores ULD apilados",
    "Staff car park": "Estacionamiento del personal",
    "Staff checkpoint (card reader)": "Control de personal (lector de tarjetas)",
    "Terminal forecourt": "Explanada de la terminal",
    "Terminal hall (landside)": "Vestíbulo de la terminal (parte pública)",
    "Terminal pier (airside)": "Muelle de la terminal (parte aeronáutica)",
    "Terminal security line (glazed wall between hall and pier)": "Línea de seguridad de la terminal (muro acristalado entre vestíbulo y muelle)",
    "Vehicle checkpoint VCP 1": "Punto de control vehicular PCV 1",
    "West fence (old chain-link)": "Cerca oeste (malla ciclónica antigua)",
    "Windsock": "Manga de viento",
}


def _round(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 7) for c in coords]
    return [_round(c) for c in coords]


def feature_collection() -> dict[str, Any]:
    """Return the training layout as a GeoJSON FeatureCollection (WGS84 lon/lat, RFC 7946)."""
    from shapely.geometry import LineString, Point, Polygon

    from avsec.geo.projection import LocalProjection

    projection = LocalProjection(CENTRE_LON, CENTRE_LAT)
    makers = {"Point": lambda c: Point(c[0]), "LineString": LineString, "Polygon": Polygon}
    features = []
    for shape in shapes():
        geometry = projection.metres_to_geojson(makers[shape.geometry](shape.coords))
        geometry = {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])}
        features.append(
            {
                "type": "Feature",
                "id": shape.id,
                "geometry": geometry,
                "properties": {
                    "kind": shape.kind,
                    **shape.properties,
                    **(
                        {"name:es": NAMES_ES[shape.properties["name"]]}
                        if shape.properties.get("name") in NAMES_ES
                        else {}
                    ),
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "Isla Ejemplo (ZZEJ) fictional training airport",
        "features": features,
    }


def geojson_text() -> str:
    """The exact text of ``assets/training/layout.geojson``."""
    return json.dumps(feature_collection(), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    """Rewrite the shipped layout file from this module."""
    target = Path(__file__).resolve().parents[2] / "assets" / "training" / "layout.geojson"
    target.write_text(geojson_text(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
