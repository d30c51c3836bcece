"""Write the ninth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic9/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers9_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers9_a import hosp_ceftazidime, pbs_cftr, roman_belimumab  # noqa: E402
from payers9_b import grid_emicizumab, nice_cabotegravir  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth9-pbs-cftr", "Synthetic: Australian PBS-style restriction text, one block "
           "per treatment phase with 'Treatment Phase:', 'Clinical criteria:', 'Population "
           "criteria:', 'Treatment criteria:' fields and AND / OR lines between items "
           "(fictional Southern Cross Health Fund)", "pbs-restriction-phases", pbs_cftr),
    Policy("synth9-hosp-ceftazidime", "Synthetic: hospital antimicrobial-stewardship "
           "restricted-drug criteria sheet, logic only in the table header row ('ALL must "
           "apply' | 'PLUS at least ONE of'), a '72-hour review' box as continuation "
           "(fictional Riverbend General Hospital)", "column-header-logic", hosp_ceftazidime),
    Policy("synth9-roman-belimumab", "Synthetic: Medicare Advantage Part B drug policy in a "
           "roman-numeral outline (I./A./1./a.) whose siblings are joined by centred '-AND-' "
           "/ '-OR-' lines (fictional Lakeshore Medicare Advantage)", "roman-outline-connector"
           "-lines", roman_belimumab),
    Policy("synth9-grid-emicizumab", "Synthetic: specialty drug criteria grid, each numbered "
           "criterion tagged REQUIRED or OPTION at the right margin, a legend states the "
           "logic (fictional Pinecrest Health Alliance)", "right-margin-tags",
           grid_emicizumab),
    Policy("synth9-nice-cabotegravir", "Synthetic: NHS commissioning statement in the NICE "
           "appraisal style, numbered recommendations '1.1 ... is commissioned as an option "
           "... only if:' with start and continuation paragraphs (fictional NHS Fenland and "
           "Broads Integrated Care Board)", "numbered-recommendations-only-if",
           nice_cabotegravir),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
