"""Where the territory map puts each marker's label: never over another label, another marker's
target or the edge of the map.

Each label tries positions around its marker, the nearest first, then the same directions further
away with a leader line; a small backtracking search keeps the first arrangement in which nothing
collides (arrange_labels). Text widths are estimated from the widest common bold sans-serif, so
the real text always fits the box that was checked. Pure geometry: `territories.map` draws.
"""

import logging
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from territories.map_geometry import Box, circle_box, segment_crosses_box, segment_near_point

logger = logging.getLogger("territories.map")

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
