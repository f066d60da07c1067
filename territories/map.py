"""A self-contained SVG map of metropolitan France with a marker and a label per territory.

Map data: the outlines in territories/data/france.json (France, and the neighbouring countries
drawn beneath it) come from Natural Earth's 1:50m "Admin 0 - Countries" (public domain), through
the npm package world-atlas; `manage.py build_france_map` regenerates the file. They are drawn
with a Lambert conformal conic projection (the parallels and meridian of France's official
Lambert-93), computed here: no tiles, no script.

Labels are placed server side so that they never overlap (`territories.map_labels`).
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from territories.map_geometry import Box, circle_box
from territories.map_labels import (
    DOT_RADIUS,
    FONT_SIZE,
    PADDING,
    TARGET_RADIUS,
    VIEW_WIDTH,
    Label,
    arrange_labels,
)

DATA_FILE = Path(__file__).resolve().parent / "data" / "france.json"

# Lambert conformal conic on a sphere: standard parallels 44°N and 49°N, origin 46.5°N 3°E.
PARALLELS = (math.radians(44), math.radians(49))
ORIGIN_LATITUDE, CENTRAL_MERIDIAN = math.radians(46.5), math.radians(3)


def _conic_constants():
    first, second = PARALLELS
    n = math.log(math.cos(first) / math.cos(second)) / math.log(
        math.tan(math.pi / 4 + second / 2) / math.tan(math.pi / 4 + first / 2)
    )
    f = math.cos(first) * math.tan(math.pi / 4 + first / 2) ** n / n
    rho_origin = f / math.tan(math.pi / 4 + ORIGIN_LATITUDE / 2) ** n
    return n, f, rho_origin


CONE, CONE_F, RHO_ORIGIN = _conic_constants()


def lambert(longitude, latitude):
    """Lambert conformal conic coordinates on the unit sphere, y pointing south as in SVG."""
    rho = CONE_F / math.tan(math.pi / 4 + math.radians(float(latitude)) / 2) ** CONE
    theta = CONE * (math.radians(float(longitude)) - CENTRAL_MERIDIAN)
    return rho * math.sin(theta), rho * math.cos(theta) - RHO_ORIGIN


@dataclass(frozen=True)
class Frame:
    """The viewBox and the projection that fits the outline in it."""

    width: float
    height: float
    scale: float
    origin_x: float
    origin_y: float

    def project(self, longitude, latitude):
        x, y = lambert(longitude, latitude)
        return (x - self.origin_x) * self.scale + PADDING, (y - self.origin_y) * self.scale + PADDING

    @property
    def box(self):
        return Box(0, 0, self.width, self.height)


@cache
def map_data():
    """The data file: France's metropolitan rings and the neighbouring land, [longitude, latitude] pairs."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def outline_rings():
    return map_data()["rings"]


def surrounding_rings():
    return map_data()["surroundings"]


@cache
def frame():
    points = [lambert(lon, lat) for ring in outline_rings() for lon, lat in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    scale = (VIEW_WIDTH - 2 * PADDING) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * PADDING)
    return Frame(VIEW_WIDTH, height, scale, min(xs), min(ys))


def svg_path(rings):
    """One SVG path for these rings, in relative moves of tenths of a unit (compact and exact)."""
    current = frame()
    commands = []
    pen = (0, 0)
    for ring in rings:
        points = [tuple(round(value * 10) for value in current.project(lon, lat)) for lon, lat in ring]
        # Successive points that round to the same tenth add nothing.
        points = [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]
        start = points[0]
        steps = [f"{(x - px) / 10:g} {(y - py) / 10:g}" for (px, py), (x, y) in zip(points, points[1:], strict=False)]
        commands.append(f"m{(start[0] - pen[0]) / 10:g} {(start[1] - pen[1]) / 10:g}l{' '.join(steps)}z")
        pen = start  # after z, the pen is back at the ring's first point
    return "".join(commands)


@cache
def land_path():
    return svg_path(outline_rings())


@cache
def surroundings_path():
    return svg_path(surrounding_rings())


@dataclass
class Marker:
    title: str
    url: str
    department: str
    x: float
    y: float
    label: Label | None = None
    target_radius: float = TARGET_RADIUS
    dot_radius: float = DOT_RADIUS

    @property
    def target_box(self):
        """The box around everything the marker's link holds."""
        return self.label.target if self.label else circle_box(self.x, self.y, self.target_radius)


def territory_map(territories):
    """The context of templates/components/territory_map.html for these TerritoryPages."""
    current = frame()
    markers = []
    for territory in territories:
        x, y = current.project(territory.longitude, territory.latitude)
        markers.append(
            Marker(
                title=territory.title,
                url=territory.url,
                department=f"{territory.department_name} ({territory.department_number})",
                x=round(x, 1),
                y=round(y, 1),
            )
        )
    labels = arrange_labels(tuple((marker.title, marker.x, marker.y) for marker in markers), current.box)
    for marker, label in zip(markers, labels, strict=True):
        marker.label = label
    return {
        "width": current.width,
        "height": current.height,
        "font_size": FONT_SIZE,
        "land": land_path(),
        "surroundings": surroundings_path(),
        "markers": markers,
    }
