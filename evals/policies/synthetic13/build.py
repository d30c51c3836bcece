"""Write the thirteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic13/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers13_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers13_a import bilingual_pbc  # noqa: E402
from payers13_b import rules_cinacalcet, tiles_scd  # noqa: E402
from payers13_c import guideline_hbv, protocol_dmd  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth13-bilingual-pbc", "Synthetic: bilingual (English | French) provincial "
           "exception-drug list, the two languages side by side, 'Code EX-410 - ..., first "
           "request. Authorized for 12 months when all of the following are met:' over '1.' "
           "lines (fictional Heron Bay Drug Plan)", "bilingual-exception-list", bilingual_pbc),
    Policy("synth13-tiles-scd", "Synthetic: one-page 'criteria at a glance' reviewer card, "
           "2 x 2 bordered tiles (drug x start / keep going), bold 'approve ... if every "
           "line is true:' lines over '>' lines (fictional Copperfield Health Alliance)",
           "tile-card", tiles_scd),
    Policy("synth13-rules-cinacalcet", "Synthetic: claims business-rules specification in "
           "monospaced IF / THEN pseudo-code, 'THEN APPROVE 12 MONTHS WHEN ALL OF:' over "
           "'[1]' condition lines, a DENY rule for exclusions (fictional Ravenmoor Health "
           "Plan)", "pseudo-code-rules", rules_cinacalcet),
    Policy("synth13-protocol-dmd", "Synthetic: coverage-with-evidence-development registry "
           "protocol, synopsis table, 'Inclusion criteria' IC-n / 'Continuation criteria' "
           "CC-n sections, shared 'Exclusion criteria' EC-n (fictional Silver Birch Health "
           "Plan)", "registry-protocol", protocol_dmd),
    Policy("synth13-guideline-hbv", "Synthetic: clinical guideline adoption, shaded "
           "'Recommendation 1.1' boxes with strength / certainty grades and bracketed "
           "citations after the criteria (fictional Mistral Coast Health Cooperative)",
           "graded-recommendations", guideline_hbv),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
