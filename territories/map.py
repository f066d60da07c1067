"""A self-contained SVG map of metropolitan France with a marker per territory.

The outline is a simplified polygon (about 60 points, enough to recognise the country at this
size); positions use an equirectangular projection scaled by cos(46.5°), which keeps the
proportions of metropolitan France honest without any tile server or script.
"""

import math
from dataclasses import dataclass

SCALE = 48
WEST, EAST, NORTH, SOUTH = -5.3, 9.7, 51.2, 41.2
ASPECT = math.cos(math.radians(46.5))

MAINLAND = [
    (2.55, 51.09), (3.15, 50.78), (4.15, 50.25), (4.85, 50.15), (4.85, 49.8), (5.8, 49.55), (6.4, 49.47),
    (7.5, 49.15), (8.2, 48.97), (7.75, 48.3), (7.6, 47.6), (7.0, 47.45), (6.1, 46.15), (6.85, 45.9),
    (7.1, 45.25), (6.65, 44.85), (7.0, 44.2), (7.5, 43.78), (6.9, 43.45), (6.6, 43.15), (5.9, 43.1),
    (5.35, 43.2), (4.6, 43.4), (4.0, 43.5), (3.2, 43.1), (3.05, 42.55), (3.17, 42.43), (1.75, 42.5),
    (0.7, 42.85), (-0.75, 42.95), (-1.78, 43.35), (-1.5, 43.6), (-1.25, 44.6), (-1.1, 45.5), (-1.2, 46.2),
    (-2.2, 46.95), (-2.55, 47.3), (-3.5, 47.7), (-4.4, 47.8), (-4.75, 48.35), (-4.6, 48.6), (-3.55, 48.8),
    (-2.0, 48.65), (-1.55, 48.65), (-1.6, 49.65), (-1.95, 49.7), (-1.25, 49.65), (-1.1, 49.35), (0.1, 49.45),
    (0.6, 49.85), (1.4, 50.1), (1.6, 50.7), (1.85, 50.95),
]  # fmt: skip
CORSICA = [(9.4, 42.98), (9.55, 42.1), (9.25, 41.4), (8.75, 41.6), (8.6, 42.3), (9.2, 42.75)]


def project(longitude, latitude):
    return round((float(longitude) - WEST) * ASPECT * SCALE, 1), round((NORTH - float(latitude)) * SCALE, 1)


def polygon(points):
    return " ".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in points))


WIDTH, HEIGHT = project(EAST, SOUTH)


@dataclass
class Marker:
    title: str
    url: str
    department: str
    x: float
    y: float

    @property
    def in_the_east(self):
        return self.x > WIDTH * 0.6

    @property
    def label_x(self):
        # Labels go where there is room: above and to the left of eastern markers, to the right elsewhere.
        return self.x + 4 if self.in_the_east else self.x + 10

    @property
    def label_y(self):
        return self.y - 14 if self.in_the_east else self.y

    @property
    def label_anchor(self):
        return "end" if self.in_the_east else "start"


def territory_map(territories):
    markers = [
        Marker(
            title=territory.title,
            url=territory.url,
            department=f"{territory.department_name} ({territory.department_number})",
            x=project(territory.longitude, territory.latitude)[0],
            y=project(territory.longitude, territory.latitude)[1],
        )
        for territory in territories
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "mainland": polygon(MAINLAND),
        "corsica": polygon(CORSICA),
        "markers": markers,
    }
