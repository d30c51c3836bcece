"""Write the fourteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic14/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers14_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers14_a import intake_gaucher, ordinals_wilson  # noqa: E402
from payers14_b import flowchart_ted, orderset_oud, update_oab  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth14-ordinals-wilson", "Synthetic: coverage statement whose criteria are "
           "unmarked ordinal sentences in running prose ('First, ... Second, ...') after a "
           "lead-in sentence carrying logic and length (fictional Larchmont Mutual Health)",
           "ordinal-prose", ordinals_wilson),
    Policy("synth14-intake-gaucher", "Synthetic: specialty-pharmacy new-patient intake sheet, "
           "fill-in fields, numbered clinical questions with '[ ] Yes [ ] No' boxes, 'approves "
           "12 months only when every question in Part 1 is answered Yes' (fictional "
           "Brightwater Specialty Pharmacy for Harbor Point Health Plan)", "intake-sheet",
           intake_gaucher),
    Policy("synth14-orderset-oud", "Synthetic: hospital EHR order-set restriction screen print, "
           "a panel per orderable with a 'RESTRICTED - Verify ... only if every prompt is "
           "answered yes:' banner over Q1..Qn prompts, a HARD STOP list (fictional Tidewater "
           "Regional Medical Center / Tidewater Community Plan)", "order-set-restriction",
           orderset_oud),
    Policy("synth14-update-oab", "Synthetic: policy update bulletin comparing retired (left, "
           "grey) and in-force (right) criteria side by side per section (fictional "
           "Stonebridge Health Partners)", "update-comparison", update_oab),
    Policy("synth14-flowchart-ted", "Synthetic: clinical-pathway flowchart, a start box with "
           "the logic and the approval, one drawn box per criterion joined by YES arrows, NO "
           "arrows to NOT APPROVED stops (fictional Juniper Valley Health)",
           "pathway-flowchart", flowchart_ted),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
