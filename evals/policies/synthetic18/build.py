"""Write the eighteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic18/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers18_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers18_a import amend_lisdexamfetamine, redline_iptacopan  # noqa: E402
from payers18_b import (  # noqa: E402
    highlights_dronabinol,
    library_vonoprazan,
    timeline_rilonacept,
)
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth18-amend-lisdexamfetamine", "Synthetic: plan-document amendment instrument "
           "in legal form, replacement section quoted in (a)/(i)/(A) clauses (fictional "
           "Harborview Municipal Employees' Health Plan)", "plan-amendment",
           amend_lisdexamfetamine),
    Policy("synth18-redline-iptacopan", "Synthetic: policy revision printed with tracked "
           "changes, struck-through deletions and underlined insertions, change bars "
           "(fictional Cascade Ridge Health Alliance)", "tracked-changes-redline",
           redline_iptacopan),
    Policy("synth18-highlights-dronabinol", "Synthetic: two-column coverage highlights sheet "
           "modelled on the first page of US prescribing information (fictional Tidewater "
           "Community Health Plan)", "highlights-sheet", highlights_dronabinol),
    Policy("synth18-library-vonoprazan", "Synthetic: rules workbook, approval formulas citing "
           "codes of a shared criteria library (fictional Lakeshore Benefit "
           "Administrators)", "criteria-library-workbook", library_vonoprazan),
    Policy("synth18-timeline-rilonacept", "Synthetic: coverage timeline infographic, "
           "milestones on a vertical rail per pathway (fictional Granite Peak Health "
           "Partners)", "coverage-timeline", timeline_rilonacept),
]

def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
