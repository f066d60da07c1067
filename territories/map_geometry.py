"""Boxes and segments on the territory map, in units of its viewBox."""

import math
from dataclasses import dataclass


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
