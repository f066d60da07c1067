"""Regenerate territories/data/france.json, the outline of metropolitan France drawn by territories/map.py.

Source: Natural Earth's 1:50m "Admin 0 – Countries" (public domain), as redistributed in TopoJSON
by the npm package world-atlas (pinned in package.json; `npm ci` puts it in node_modules/).
The command simplifies every arc of the topology once with Douglas–Peucker (so that a border
shared by two countries stays one line), then writes lon/lat rings rounded to 0.001°:
- "rings": France's polygons inside the metropolitan bounding box (the mainland, Corsica and the
  larger Atlantic islands; the overseas departments fall outside);
- "surroundings": the neighbouring countries, clipped to a box a little larger than the map,
  drawn beneath France so that the sea is the sea and the neighbours are land.

    npm ci && .venv/bin/python manage.py build_france_map
"""

import json
import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEFAULT_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = Path(__file__).resolve().parents[2] / "data" / "france.json"
FRANCE_ISO_NUMERIC = "250"
METROPOLITAN_BOX = (-5.5, 41.0, 10.0, 51.5)  # west, south, east, north, in degrees
# A little wider than what the map shows, 5.75°W to 11.3°E and 40.95°N to 51.45°N (a test checks it).
SURROUNDINGS_BOX = (-6.2, 40.5, 11.8, 51.9)
# Distances are measured on a plane where a degree of longitude is shortened by cos(46.5°).
MEAN_LATITUDE = 46.5
DEFAULT_TOLERANCE = 0.02  # degrees of latitude, about 2 km
DEFAULT_MIN_AREA = 0.008  # square degrees (corrected), about 100 km²: islets go, Oléron stays


def decode_arcs(topology):
    """The arcs of a quantized TopoJSON topology as lists of (longitude, latitude)."""
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def stitch_ring(arc_indexes, arcs):
    """A closed ring from arc indexes: a negative index ~i is arc i reversed; consecutive arcs share a point."""
    ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def polygons_of(geometry, arcs):
    """Each polygon of a Polygon or MultiPolygon geometry as a list of rings, the exterior first."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [[stitch_ring(ring, arcs) for ring in polygon] for polygon in polygons]


def inside_box(ring, box):
    west, south, east, north = box
    return all(west <= lon <= east and south <= lat <= north for lon, lat in ring)


def _plane(point):
    lon, lat = point
    return lon * math.cos(math.radians(MEAN_LATITUDE)), lat


def _distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = _plane(point), _plane(start), _plane(end)
    dx, dy = bx - ax, by - ay
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_squared))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points, tolerance):
    """The points kept by Douglas–Peucker (iterative, so long coastlines never hit the recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            candidate = _distance_to_segment(points[index], points[first], points[last])
            if candidate > distance:
                farthest, distance = index, candidate
        if farthest is not None:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplified_arcs(topology, tolerance):
    """Every arc simplified with its two ends kept, so that neighbouring rings still meet exactly."""
    return [douglas_peucker(arc, tolerance) for arc in decode_arcs(topology)]


def ring_area(ring):
    """Unsigned area on the corrected plane (shoelace formula), in square degrees of latitude."""
    points = [_plane(point) for point in ring]
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))
    return abs(twice) / 2


def clip_ring(ring, box):
    """The part of a closed ring inside a longitude/latitude box (Sutherland–Hodgman, one edge at a time)."""
    west, south, east, north = box
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _crossing(a, b, 0, west)),
        (lambda p: p[0] <= east, lambda a, b: _crossing(a, b, 0, east)),
        (lambda p: p[1] >= south, lambda a, b: _crossing(a, b, 1, south)),
        (lambda p: p[1] <= north, lambda a, b: _crossing(a, b, 1, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, crossing in edges:
        clipped = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    clipped.append(crossing(previous, current))
                clipped.append(current)
            elif inside(previous):
                clipped.append(crossing(previous, current))
        points = clipped
        if not points:
            break
    return [*points, points[0]] if points else []


def _crossing(start, end, axis, value):
    t = (value - start[axis]) / (end[axis] - start[axis])
    point = [start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1])]
    point[axis] = value
    return tuple(point)


def _rounded(ring):
    """The ring rounded to 0.001° (about 100 m), without repeating its first point at the end."""
    closed = len(ring) > 1 and ring[0] == ring[-1]
    return [[round(lon, 3), round(lat, 3)] for lon, lat in (ring[:-1] if closed else ring)]


def _countries(topology):
    return topology["objects"]["countries"]["geometries"]


def _is_france(country):
    return str(country.get("id")) == FRANCE_ISO_NUMERIC


def _kept(ring, min_area):
    return len(ring) >= 4 and ring_area(ring) >= min_area


def metropolitan_rings(topology, tolerance=DEFAULT_TOLERANCE, min_area=DEFAULT_MIN_AREA):
    """France's metropolitan rings, simplified, largest first, rounded to 0.001°."""
    arcs = simplified_arcs(topology, tolerance)
    france = next((country for country in _countries(topology) if _is_france(country)), None)
    if france is None:
        raise ValueError("France (ISO 3166 numeric 250) is not in this topology")
    rings = [
        ring
        for polygon in polygons_of(france, arcs)
        if inside_box(polygon[0], METROPOLITAN_BOX)
        for ring in polygon
        if _kept(ring, min_area)
    ]
    return [_rounded(ring) for ring in sorted(rings, key=ring_area, reverse=True)]


def surrounding_rings(topology, tolerance=DEFAULT_TOLERANCE, min_area=DEFAULT_MIN_AREA):
    """The other countries' polygons clipped to SURROUNDINGS_BOX, largest first (lakes and holes left out)."""
    arcs = simplified_arcs(topology, tolerance)
    rings = []
    for country in _countries(topology):
        if _is_france(country) or "arcs" not in country:
            continue
        for polygon in polygons_of(country, arcs):
            clipped = clip_ring(polygon[0], SURROUNDINGS_BOX)
            if _kept(clipped, min_area):
                rings.append(clipped)
    return [_rounded(ring) for ring in sorted(rings, key=ring_area, reverse=True)]


class Command(BaseCommand):
    help = "Regenerate territories/data/france.json from Natural Earth (npm package world-atlas)."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a world-atlas countries-*.json")
        parser.add_argument("--output", type=Path, default=OUTPUT)
        parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE, help="in degrees of latitude")
        parser.add_argument("--min-area", type=float, default=DEFAULT_MIN_AREA, help="in square degrees")

    def handle(self, *args, source, output, tolerance, min_area, **options):
        if not source.exists():
            raise CommandError(f"{source} not found: run `npm ci` first (world-atlas is pinned in package.json)")
        topology = json.loads(source.read_text(encoding="utf-8"))
        rings = metropolitan_rings(topology, tolerance, min_area)
        surroundings = surrounding_rings(topology, tolerance, min_area)
        package = json.loads((source.parent / "package.json").read_text(encoding="utf-8"))
        data = {
            "source": (
                f"Natural Earth 1:{source.stem.split('-')[-1]} Admin 0 - Countries, France (metropolitan), "
                f"from the npm package world-atlas {package['version']} ({source.name})"
            ),
            "licence": "public domain (Natural Earth, naturalearthdata.com/about/terms-of-use)",
            "generated_by": (
                f"manage.py build_france_map --tolerance {tolerance} --min-area {min_area}: Douglas-Peucker; "
                "rings as [longitude, latitude], largest first; surroundings: all land clipped to "
                f"{list(SURROUNDINGS_BOX)} (west, south, east, north)"
            ),
        }
        # One ring per line: small, and a regenerated file gives a readable diff.
        text = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
        for key, value in (("rings", rings), ("surroundings", surroundings)):
            body = ",\n".join(json.dumps(ring, separators=(",", ":")) for ring in value)
            text += f',\n "{key}": [\n{body}\n ]'
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n}\n", encoding="utf-8")
        points = sum(len(ring) for ring in rings)
        around = sum(len(ring) for ring in surroundings)
        self.stdout.write(
            f"{output}: France {len(rings)} rings, {points} points; surroundings {len(surroundings)} rings, "
            f"{around} points; {output.stat().st_size} bytes"
        )
