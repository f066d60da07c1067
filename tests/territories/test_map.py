"""The territory map: real outlines read from the data file, labels that collide with nothing, pointer targets
of at least 24 × 24 CSS px, and one keyboard route per territory (the list; the map is for the eye and the pointer).
"""

import io
import json
import math
from html.parser import HTMLParser
from itertools import combinations

from django.core.management import CommandError, call_command

import pytest

from territories.management.commands.build_france_map import SURROUNDINGS_BOX, douglas_peucker
from territories.map import frame, land_path, map_data, surroundings_path, territory_map
from territories.map_geometry import Box, circle_box
from territories.map_labels import MIN_RENDERED_WIDTH, TARGET_RADIUS, arrange_labels, label_lines
from territories.models import TerritoryPage

pytestmark = pytest.mark.django_db

PAGES = {"fr": "/fr/territoires/", "en": "/en/territories/"}


def territories(language_code):
    pages = TerritoryPage.objects.live().filter(locale__language_code=language_code).order_by("title")
    return list(pages)


def real_map(language_code):
    pages = territories(language_code)
    assert len(pages) == 6
    return territory_map(pages)


# The data file


def test_the_data_file_holds_mainland_france_and_corsica_as_separate_rings():
    rings = map_data()["rings"]
    assert sum(len(ring) for ring in rings) > 100
    corsica = [ring for ring in rings if all(lon > 8.5 for lon, _ in ring)]
    assert len(corsica) == 1
    assert all(41.3 < lat < 43.1 for _, lat in corsica[0])
    mainland = rings[0]
    assert min(lon for lon, _ in mainland) < -4.5  # Finistère
    assert max(lat for _, lat in mainland) > 51  # Dunkirk
    # Nothing overseas: every ring lies in metropolitan France's bounding box.
    assert all(-5.5 < lon < 10 and 41 < lat < 51.5 for ring in rings for lon, lat in ring)


def test_the_map_draws_every_ring_of_the_data_file():
    path = land_path()
    assert path.count("m") == len(map_data()["rings"])
    assert path.count("z") == len(map_data()["rings"])


def test_the_data_file_names_its_source_and_licence():
    data = map_data()
    assert "Natural Earth" in data["source"]
    assert "public domain" in data["licence"]


def test_the_surrounding_countries_cover_the_whole_map():
    """Their outlines are clipped to SURROUNDINGS_BOX: its edges must all fall outside the viewBox."""
    current = frame()
    west, south, east, north = SURROUNDINGS_BOX
    edge_points = [(west + (east - west) * i / 200, lat) for i in range(201) for lat in (south, north)]
    edge_points += [(lon, south + (north - south) * i / 200) for i in range(201) for lon in (west, east)]
    for lon, lat in edge_points:
        x, y = current.project(lon, lat)
        assert not (0 <= x <= current.width and 0 <= y <= current.height), (lon, lat)


def quantized_topology(countries):
    """A tiny TopoJSON topology, quantized and delta-encoded as world-atlas ships it: one arc per ring."""
    scale, translate = [0.001, 0.001], [-180, -90]
    arcs, geometries = [], []
    for country_id, rings in countries.items():
        polygons = []
        for ring in rings:
            points = [
                (round((lon - translate[0]) / scale[0]), round((lat - translate[1]) / scale[1])) for lon, lat in ring
            ]
            deltas = [points[0]] + [(x - px, y - py) for (px, py), (x, y) in zip(points, points[1:], strict=False)]
            polygons.append([[len(arcs)]])
            arcs.append([list(delta) for delta in deltas])
        geometries.append({"type": "MultiPolygon", "id": country_id, "arcs": polygons})
    return {
        "type": "Topology",
        "transform": {"scale": scale, "translate": translate},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }


def square(west, south, east, north):
    return [(west, south), (east, south), (east, north), (west, north), (west, south)]


def test_build_france_map_keeps_metropolitan_rings_and_clips_the_neighbours(tmp_path):
    topology = quantized_topology(
        {
            # France: a mainland, a Corsica, and an overseas island far away.
            "250": [square(-1, 45, 3, 48), square(8.7, 41.5, 9.5, 43), square(55, -21, 56, -20)],
            "380": [square(7, 44, 14, 46)],
        }
    )
    source = tmp_path / "countries-50m.json"
    source.write_text(json.dumps(topology), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"version": "2.0.2"}', encoding="utf-8")
    output = tmp_path / "france.json"

    call_command("build_france_map", source=source, output=output, stdout=io.StringIO())

    data = json.loads(output.read_text(encoding="utf-8"))
    assert [ring[0] for ring in data["rings"]] == [[-1, 45], [8.7, 41.5]]  # the mainland, Corsica; nothing overseas
    (neighbour,) = data["surroundings"]
    assert max(lon for lon, _ in neighbour) == SURROUNDINGS_BOX[2]  # clipped at the box's east edge
    assert "world-atlas 2.0.2" in data["source"]


def test_build_france_map_says_how_to_get_the_data_when_it_is_missing(tmp_path):
    with pytest.raises(CommandError, match="npm ci"):
        call_command("build_france_map", source=tmp_path / "missing.json", output=tmp_path / "france.json")


def test_douglas_peucker_keeps_the_ends_and_drops_points_within_the_tolerance():
    line = [(0, 0), (1, 0.001), (2, -0.001), (3, 1), (4, 0)]
    assert douglas_peucker(line, 0.01) == [(0, 0), (2, -0.001), (3, 1), (4, 0)]


# Placement of the real six territories


def test_each_territory_sits_at_its_coordinates():
    current = frame()
    markers = real_map("fr")["markers"]
    brest = TerritoryPage.objects.get(slug="brest", locale__language_code="fr")
    marker = next(marker for marker in markers if marker.title == "Brest")
    expected = current.project(brest.longitude, brest.latitude)
    assert (marker.x, marker.y) == (round(expected[0], 1), round(expected[1], 1))
    # Brest is the westernmost, Forbach the easternmost, Abbeville the northernmost, Marseille the southernmost.
    assert min(markers, key=lambda m: m.x).title == "Brest"
    assert max(markers, key=lambda m: m.x).title.startswith("Forbach")
    assert min(markers, key=lambda m: m.y).title == "Abbeville"
    assert max(markers, key=lambda m: m.y).title.startswith("Marseille")


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_no_label_overlaps_another_label_or_a_marker_and_all_stay_inside_the_map(language_code):
    context = real_map(language_code)
    view = Box(0, 0, context["width"], context["height"])
    markers = context["markers"]
    assert all(marker.label for marker in markers)
    for marker in markers:
        assert marker.label.box.inside(view), marker.title
        assert not marker.label.box.overlaps_circle(marker.x, marker.y, marker.dot_radius), marker.title
    for first, second in combinations(markers, 2):
        assert not first.label.box.overlaps(second.label.box), (first.title, second.title)
        assert not first.label.box.overlaps_circle(second.x, second.y, second.target_radius), first.title
        assert not second.label.box.overlaps_circle(first.x, first.y, first.target_radius), second.title


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_targets_are_at_least_24_css_px_at_the_narrowest_width_and_never_overlap(language_code):
    """The narrowest rendering is 288 px (a 320 px screen less the page margins)."""
    context = real_map(language_code)
    css_px_per_unit = MIN_RENDERED_WIDTH / context["width"]
    view = Box(0, 0, context["width"], context["height"])
    for marker in context["markers"]:
        assert 2 * marker.target_radius * css_px_per_unit >= 24
        assert circle_box(marker.x, marker.y, marker.target_radius).inside(view), marker.title
    for first, second in combinations(context["markers"], 2):
        assert math.dist((first.x, first.y), (second.x, second.y)) >= first.target_radius + second.target_radius
        # Everything one link holds (target circle, label, leader) stays clear of every other link.
        assert not first.target_box.overlaps(second.target_box), (first.title, second.title)


def test_long_titles_break_into_short_lines_and_a_long_word_after_its_hyphens():
    assert label_lines("Marseille 14e arrondissement") == ["Marseille 14e", "arrondissement"]
    assert label_lines("Forbach / Freyming-Merlebach") == ["Forbach /", "Freyming-Merlebach"]
    assert label_lines("Forbach / Freyming-Merlebach", break_hyphens=True) == ["Forbach /", "Freyming-", "Merlebach"]


def test_crowded_markers_still_keep_every_label_inside_the_map():
    """Eight places within a few kilometres have no arrangement without collisions: the labels stay on the map."""
    current = frame()
    x, y = current.project(2.35, 48.85)
    points = tuple((f"Territoire numéro {index}", round(x + index, 1), round(y + index, 1)) for index in range(8))
    labels = arrange_labels(points, current.box)
    assert len(labels) == 8
    assert all(label.box.inside(current.box) for label in labels)


def test_a_label_with_no_room_beside_its_marker_moves_away_along_a_leader_line():
    current = frame()
    x, y = current.project(2.35, 48.85)
    # Neighbours on both sides, closer than a label's width: Alpha's label can only go above or below, clear of them.
    points = (("Alpha", x, y), ("Beta", x + 2 * TARGET_RADIUS + 3, y), ("Gamma", x - 2 * TARGET_RADIUS - 3, y))
    labels = arrange_labels(points, current.box)
    assert labels[0].leader is not None
    for label, (_, own_x, own_y) in zip(labels, points, strict=True):
        assert label.box.inside(current.box)
        for _, other_x, other_y in points:
            if (other_x, other_y) != (own_x, own_y):
                assert not label.box.overlaps_circle(other_x, other_y, TARGET_RADIUS)
    for first, second in combinations(labels, 2):
        assert not first.box.overlaps(second.box)


# The pages


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.in_main = False
        self.svg_attributes = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "main":
            self.in_main = True
        if tag == "svg" and "territory-map__svg" in attributes.get("class", ""):
            self.svg_attributes = attributes
        if tag == "a" and self.in_main:
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_the_index_page_shows_six_markers_and_one_keyboard_route_per_territory(client, language_code):
    response = client.get(PAGES[language_code])
    assert response.status_code == 200
    parser = LinkCollector()
    parser.feed(response.content.decode())
    markers = [link for link in parser.links if "territory-map__marker" in link.get("class", "")]
    urls = {territory.url for territory in territories(language_code)}
    assert len(markers) == 6
    assert {marker["href"] for marker in markers} == urls
    # The map is hidden from assistive technologies and its links are out of the tab order …
    assert parser.svg_attributes["aria-hidden"] == "true"
    assert all(marker.get("tabindex") == "-1" for marker in markers)
    # … so that each territory is reached once from the keyboard: through the list.
    for url in urls:
        focusable = [link for link in parser.links if link.get("href") == url and link.get("tabindex") != "-1"]
        assert len(focusable) == 1, url


def test_the_english_map_is_captioned_in_english(client):
    html = client.get(PAGES["en"]).content.decode()
    assert "Map of the six study sites" in html
    assert "Carte des six terrains" not in html


def test_the_map_is_read_from_the_data_file_on_the_page(client):
    html = client.get(PAGES["fr"]).content.decode()
    assert f'd="{land_path()}"' in html
    assert f'd="{surroundings_path()}"' in html
