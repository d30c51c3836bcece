"""Columns whose furniture is no criteria, read before the layout lines (issue 25): a
questionnaire's answer letters and its script's label column (questionnaire_columns.py), a
grid whose columns are the request types (branch_grid_columns.py), a table whose other
columns are prose about its criteria (criteria_column_tables.py)."""

from __future__ import annotations

from pipeline.policy.branch_grid_columns import read_branch_grids
from pipeline.policy.criteria_column_tables import keep_criteria_columns
from pipeline.policy.questionnaire_columns import blank_answer_columns, read_label_columns


def read_column_layouts(raw: list[list[str]]) -> list[list[str]]:
    """The pages' layout lines with each such column read."""
    return keep_criteria_columns(read_branch_grids(read_label_columns(blank_answer_columns(raw))))
