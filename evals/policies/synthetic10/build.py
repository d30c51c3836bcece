"""Write the tenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic10/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers10_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers10_a import matrix_oxybate, statute_hcv, web_attr  # noqa: E402
from payers10_b import footnote_deferasirox, letter_testosterone  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth10-matrix-oxybate", "Synthetic: checklist criteria matrix, criteria as rows "
           "and the two uses as columns, 'X' (required) / 'O' (one of) marks in the cells, "
           "a legend states the logic (fictional Harborview Rx Alliance)", "checklist-matrix",
           matrix_oxybate),
    Policy("synth10-statute-hcv", "Synthetic: state administrative-code rule, '§ 4.2.1' "
           "sections with '(A)' / '(i)' / '(I)' nested clauses and '; and' / '; or' at item "
           "ends (fictional Eastmarch Medical Assistance Program)", "state-regulation-"
           "sections", statute_hcv),
    Policy("synth10-web-attr", "Synthetic: payer coverage web page printed to PDF (browser "
           "header, nav text, breadcrumbs, 'Print this page', URL footer) with bulleted "
           "criteria (fictional Meridian Peaks Health)", "web-page-print", web_attr),
    Policy("synth10-footnote-deferasirox", "Synthetic: lettered criteria whose marked items "
           "(*, †, ‡) are defined by notes under the list, 'Approve when the member meets "
           "A, B, C, D and E:' (fictional Tidewater Community Health Plan)",
           "footnote-defined-criteria", footnote_deferasirox),
    Policy("synth10-letter-testosterone", "Synthetic: payer letter to prescribers, criteria "
           "as '(1)' lines in the narrative, renewal citing the first-approval criteria by "
           "number 'plus:' (fictional Bluewater Valley Health Plan)", "payer-letter",
           letter_testosterone),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
