"""Column rules implied by tables ruled only horizontally, cell by cell (as browsers print them)."""

from __future__ import annotations

from extractors.rules import MAX_ROW_GAP, implied_columns


def _cells(y: float, bounds: list[float]) -> list[tuple[float, float, float]]:
    """One row's bottom border, drawn cell by cell between `bounds`."""
    return [(x0, x1, y) for x0, x1 in zip(bounds, bounds[1:])]


def _rules(segments) -> list[tuple[float, float, float]]:
    return sorted((rule["x0"], rule["top"], rule["bottom"]) for rule in implied_columns(segments))


def test_rules_meeting_at_the_same_boundaries_imply_a_column_rule_at_each_from_first_to_last():
    bounds = [40, 250, 310, 450, 550]
    segments = _cells(100, bounds) + _cells(130, bounds) + _cells(160, bounds)
    assert _rules(segments) == [(x, 100, 160) for x in bounds]


def test_each_rule_is_a_pdfplumber_line_object():
    (rule, *_) = implied_columns(_cells(100, [40, 250, 550]) + _cells(130, [40, 250, 550]))
    assert rule["object_type"] == "line" and rule["x0"] == rule["x1"] and rule["height"] == rule["bottom"] - rule["top"]


def test_a_rule_drawn_in_one_piece_implies_no_column():
    assert implied_columns([(40, 550, 100), (40, 550, 130), (40, 550, 160)]) == []


def test_one_segmented_rule_alone_implies_no_column():
    assert implied_columns(_cells(100, [40, 250, 550])) == []


def test_segments_that_do_not_meet_are_not_one_rule():
    """Two columns of text, each with its own rule under a heading: a gutter lies between them."""
    segments = [(40, 280, 100), (300, 550, 100), (40, 280, 300), (300, 550, 300)]
    assert implied_columns(segments) == []


def test_rules_further_apart_than_a_row_are_separate_tables():
    bounds = [40, 250, 550]
    top = _cells(100, bounds) + _cells(130, bounds)
    bottom = _cells(130 + MAX_ROW_GAP + 50, bounds) + _cells(160 + MAX_ROW_GAP + 50, bounds)
    spans = {(t, b) for _, t, b in _rules(top + bottom)}
    assert spans == {(100, 130), (130 + MAX_ROW_GAP + 50, 160 + MAX_ROW_GAP + 50)}


def test_boundaries_a_fraction_of_a_point_apart_are_one_boundary():
    segments = _cells(100, [40, 250.3, 550]) + _cells(130.2, [40.4, 249.8, 550])
    assert [x for x, _, _ in _rules(segments)] == [40, 250, 550]


def test_a_piece_narrower_than_a_column_is_a_border_not_a_column():
    """A one-point border rect beside a shaded band: the band is one piece, not two columns."""
    segments = [(28, 29, 100), (29, 763, 100), (28, 29, 130), (29, 763, 130)]
    assert implied_columns(segments) == []


def test_boundaries_that_would_cut_through_text_are_not_columns():
    bounds = [40, 250, 550]
    word_across_250 = (240.0, 262.0, 110.0, 120.0)
    assert implied_columns(_cells(100, bounds) + _cells(130, bounds), [word_across_250]) == []


def test_text_beside_the_boundaries_leaves_the_columns():
    bounds = [40, 250, 550]
    words = [(45.0, 240.0, 110.0, 120.0), (255.0, 300.0, 110.0, 120.0), (240.0, 262.0, 300.0, 310.0)]
    assert len(implied_columns(_cells(100, bounds) + _cells(130, bounds), words)) == 3
