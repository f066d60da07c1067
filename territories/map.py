"""A self-contained SVG map of metropolitan France with a marker and a label per territory.

Map data: the outlines in territories/data/france.json (France, and the neighbouring countries
drawn beneath it) come from Natural Earth's 1:50m "Admin 0 - Countries" (public domain), through
the npm package world-atlas; `manage.py build_france_map` regenerates the file. They are drawn
with a Lambert conformal conic projection (the parallels and meridian of France's official
Lambert-93), computed here: no tiles, no script.

Labels are placed server side so that they never overlap one another, another marker's target
or the edge of the map: each label tries positions around its marker, the nearest first, then
the same directions further away with a leader line; a small backtracking search keeps the
first arrangement in which nothing collides (see arrange_labels). Text widths are estimated from
the widest common bold sans-serif, so the real text always fits the box that was checked.
"""

import json
import logging
import math
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_FILE = Path(__file__).resolve().parent / "data" / "france.json"

# Lambert conformal conic on a sphere: standard parallels 44°N and 49°N, origin 46.5°N 3°E.
PARALLELS = (math.radians(44), math.radians(49))
ORIGIN_LATITUDE, CENTRAL_MERIDIAN = math.radians(46.5), math.radians(3)

# Every size below is in units of the SVG's viewBox, which is VIEW_WIDTH wide.
VIEW_WIDTH = 480
PADDING = 16  # sea around France, and room for the targets of markers on the coast
# The narrowest the map is drawn: a 320 px wide screen less the page's two 16 px margins.
MIN_RENDERED_WIDTH = 288
# Pointer targets of at least 24 × 24 CSS px at that width (WCAG 2.5.8): 2 × 21 × 288 / 480 = 25.2 px.
TARGET_RADIUS = 21
DOT_RADIUS = 8
FONT_SIZE = 18
LINE_HEIGHT = 1.2 * FONT_SIZE
# The baseline sits this far below the middle of its line (ascent ≈ 0.93 em, descent ≈ 0.24 em).
BASELINE_SHIFT = 0.35 * FONT_SIZE
LABEL_GAP = 5  # between the dot and its label
LABEL_MARGIN = 3  # around each label's box: the text's halo, and air between neighbours
LEADER_STEP = 20  # each step away from the marker, for labels that need a leader line
LEADER_STEPS = 3
MAX_LINE_CHARACTERS = 15
SEARCH_LIMIT = 20_000

# Advance widths in em of a bold sans-serif, rounded up from DejaVu Sans Bold (the widest of the
# usual system fonts, and Chromium's system-ui on Linux) and Liberation Sans Bold (Arial's metrics).
CHARACTER_WIDTHS = {
    **dict.fromkeys("'ijl /I.,’;:!|", 0.4),
    **dict.fromkeys("-f()tr", 0.5),
    **dict.fromkeys("Jzcs", 0.6),
    **dict.fromkeys("Lxvykae0123456789oEFT", 0.7),
    **dict.fromkeys("bdghnpquSYZCP", 0.75),
    **dict.fromkeys("BAKRVX", 0.8),
    **dict.fromkeys("UGDHNOQ&", 0.87),
    **dict.fromkeys("wMmW", 1.11),
}
UNKNOWN_CHARACTER_WIDTH = 1.0

# (dx, dy) directions from a marker to its label, in order of preference.
DIAGONAL = math.sqrt(0.5)
DIRECTIONS = [
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (DIAGONAL, -DIAGONAL),
    (-DIAGONAL, -DIAGONAL),
    (DIAGONAL, DIAGONAL),
    (-DIAGONAL, DIAGONAL),
]


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
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self):
        return self.right - self.left

    @property
    def height(self):
        return self.bottom - self.top

    def grown(self, margin):
        return Box(self.left - margin, self.top - margin, self.right + margin, self.bottom + margin)

    def overlaps(self, other):
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )

    def overlaps_circle(self, x, y, radius):
        nearest_x, nearest_y = min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)
        return math.hypot(x - nearest_x, y - nearest_y) < radius

    def inside(self, other):
        return (
            self.left >= other.left
            and self.top >= other.top
            and self.right <= other.right
            and self.bottom <= other.bottom
        )

    def union(self, other):
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


def circle_box(x, y, radius):
    return Box(x - radius, y - radius, x + radius, y + radius)


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


def text_width(text, font_size=FONT_SIZE):
    width = 0.0
    for character in text:
        base = unicodedata.normalize("NFD", character)[0]
        width += CHARACTER_WIDTHS.get(base, UNKNOWN_CHARACTER_WIDTH)
    return width * font_size


def label_lines(title, limit=MAX_LINE_CHARACTERS, break_hyphens=False):
    """The title broken at spaces into lines of at most `limit` characters (a longer word keeps its line);
    with break_hyphens, a word longer than the limit is also broken after its hyphens."""
    words = title.split()
    if break_hyphens:
        words = [
            part for word in words for part in (word.replace("-", "-\n").split("\n") if len(word) > limit else [word])
        ]
    lines = []
    for word in words:
        if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        elif lines and lines[-1].endswith("-") and len(lines[-1]) + len(word) <= limit:
            lines[-1] = f"{lines[-1]}{word}"
        else:
            lines.append(word)
    return lines


def line_layouts(title):
    """The ways to break a title into lines, the fewest lines first."""
    layouts = []
    for layout in (label_lines(title), label_lines(title, break_hyphens=True)):
        if layout not in layouts:
            layouts.append(layout)
    return layouts


@dataclass(frozen=True)
class Label:
    lines: tuple
    anchor: str  # SVG text-anchor
    text_x: float
    top: float  # of the first line
    box: Box  # the text's estimated box, LABEL_MARGIN included
    target: Box  # the box around all the marker's link holds: its target circle, this label and the leader
    leader: tuple | None  # (x1, y1, x2, y2) from the dot's edge to the label, when it is moved away

    @property
    def baselines(self):
        return [
            (round(self.text_x, 1), round(self.top + index * LINE_HEIGHT + LINE_HEIGHT / 2 + BASELINE_SHIFT, 1), line)
            for index, line in enumerate(self.lines)
        ]

    @property
    def rect(self):
        return {
            "x": round(self.box.left, 1),
            "y": round(self.box.top, 1),
            "width": round(self.box.width, 1),
            "height": round(self.box.height, 1),
        }


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


def label_candidates(title, x, y, bounds):
    """Every position for a label that stays inside the map, in order of preference: the nearest first, then
    the fewest lines, then the order of DIRECTIONS."""
    target_circle = circle_box(x, y, TARGET_RADIUS)
    candidates = []
    for step, lines, (dx, dy) in product(range(LEADER_STEPS + 1), line_layouts(title), DIRECTIONS):
        width = max(text_width(line) for line in lines)
        height = LINE_HEIGHT * len(lines)
        distance = DOT_RADIUS + LABEL_GAP + step * LEADER_STEP
        anchor_x, anchor_y = x + dx * distance, y + dy * distance
        if dx > 0.1:
            left, anchor = anchor_x, "start"
        elif dx < -0.1:
            left, anchor = anchor_x - width, "end"
        else:
            left, anchor = anchor_x - width / 2, "middle"
        top = anchor_y if dy > 0.1 else anchor_y - height if dy < -0.1 else anchor_y - height / 2
        box = Box(left, top, left + width, top + height).grown(LABEL_MARGIN)
        if not box.inside(bounds):
            continue
        leader = None
        if step:
            leader = (
                round(x + dx * (DOT_RADIUS + 1), 1),
                round(y + dy * (DOT_RADIUS + 1), 1),
                round(anchor_x - dx * LABEL_MARGIN, 1),
                round(anchor_y - dy * LABEL_MARGIN, 1),
            )
        candidates.append(Label(tuple(lines), anchor, anchor_x, top, box, target_circle.union(box), leader))
    return candidates


def segment_near_point(segment, x, y, radius):
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy) < radius


def segment_crosses_box(segment, box):
    """Liang–Barsky: whether the segment enters the box."""
    x1, y1, x2, y2 = segment
    start, end = 0.0, 1.0
    for p, q in (
        (x1 - x2, x1 - box.left),
        (x2 - x1, box.right - x1),
        (y1 - y2, y1 - box.top),
        (y2 - y1, box.bottom - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            start = max(start, t)
        else:
            end = min(end, t)
        if start > end:
            return False
    return True


def _clear_of_markers(label, index, points, strict):
    """Whether a label (and its leader) keeps clear of every other marker's target."""
    for other, (_, x, y) in enumerate(points):
        if other == index:
            continue
        if label.box.overlaps_circle(x, y, TARGET_RADIUS):
            return False
        if label.leader and segment_near_point(label.leader, x, y, TARGET_RADIUS):
            return False
        if strict and label.target.overlaps(circle_box(x, y, TARGET_RADIUS)):
            return False
    return True


def _clear_of_label(label, placed, strict):
    if label.box.overlaps(placed.box):
        return False
    if strict:
        return not label.target.overlaps(placed.target)
    return not (
        (label.leader and segment_crosses_box(label.leader, placed.box))
        or (placed.leader and segment_crosses_box(placed.leader, label.box))
    )


def _search(points, bounds, strict):
    options = [
        [label for label in label_candidates(title, x, y, bounds) if _clear_of_markers(label, index, points, strict)]
        for index, (title, x, y) in enumerate(points)
    ]
    chosen = []
    visits = 0

    def search(index):
        nonlocal visits
        if index == len(points):
            return True
        for label in options[index]:
            visits += 1
            if visits > SEARCH_LIMIT:
                return False
            if all(_clear_of_label(label, placed, strict) for placed in chosen):
                chosen.append(label)
                if search(index + 1):
                    return True
                chosen.pop()
        return False

    return tuple(chosen) if search(0) else None


@lru_cache(maxsize=64)
def arrange_labels(points, bounds):
    """A label for each (title, x, y), the first arrangement in the order of preference of label_candidates,
    found by a depth-first search. Strict first: everything a marker's link holds (target, label, leader)
    stays in a box that overlaps no other link's box. Then, for crowded maps, relaxed: labels, leaders and
    targets only keep clear of one another, which is where labels move away along a leader line."""
    for strict in (True, False):
        labels = _search(points, bounds, strict)
        if labels:
            return labels
    # More territories than the map has room for: keep every label inside the map, even if some touch.
    logger.warning("territory map: no arrangement without collisions for %d labels", len(points))
    return tuple(next(iter(label_candidates(title, x, y, bounds)), None) for title, x, y in points)


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
