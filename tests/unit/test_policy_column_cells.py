"""The one splitter of a layout line into its columns' text runs (column_cells.py)."""

from __future__ import annotations

from pipeline.policy.column_cells import column_of, fits_columns, segments, spaced, word_runs


def test_runs_split_by_their_gap() -> None:
    line = "Criteria  one   Renewal    -"
    assert word_runs(line) == [(0, "Criteria"), (10, "one"), (16, "Renewal"), (27, "-")]
    assert word_runs(line, 3) == [(0, "Criteria  one"), (16, "Renewal"), (27, "-")]
    # a segment keeps one trailing space; a word run never does
    assert segments("Area   Initial ") == [(0, "Area"), (7, "Initial ")]
    assert word_runs("Area   Initial ") == [(0, "Area"), (7, "Initial")]


def test_header_cells_and_their_columns() -> None:
    assert spaced(segments("Area     Initial     Renewal"))
    assert not spaced(segments("Area  Initial     Renewal"))
    starts = [0, 10, 25]
    assert column_of(starts, 11) == 1 and column_of(starts, 24) == 2
    assert fits_columns("Age       18 or older    -", starts)
    assert not fits_columns("A sentence running across the grid's columns", starts)
