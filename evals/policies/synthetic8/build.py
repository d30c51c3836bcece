"""Write the eighth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic8/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers8_*`) because a test may run every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers8_a import deflist_pegfilgrastim, eap_faricimab, paren_tolvaptan  # noqa: E402
from payers8_b import formula_baricitinib, sidebyside_setmelanotide  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth8-paren-tolvaptan", "Synthetic: commercial medical policy whose lead-ins "
           "carry their logic in a parenthesis at the end ('Clinical criteria (must meet "
           "all):', 'Severity (one required):') (fictional Silver Creek Health Plan)",
           "trailing-parenthetical-logic", paren_tolvaptan),
    Policy("synth8-deflist-pegfilgrastim", "Synthetic: specialty-pharmacy clinical guideline "
           "laid out as a definition list per use (bold 'Indication:', 'Criteria:', "
           "'Duration:', 'Reauthorization:' labels, values beside them) (fictional Northgate "
           "Specialty Pharmacy Solutions)", "definition-list", deflist_pegfilgrastim),
    Policy("synth8-eap-faricimab", "Synthetic: Canadian provincial Exceptional Access "
           "Program reimbursement criteria, numbered reason-for-use codes written as prose "
           "sentences over bullets, renewal as its own code (fictional Province of "
           "Westmarch Drug Benefit Program)", "reason-for-use-codes", eap_faricimab),
    Policy("synth8-sidebyside-setmelanotide", "Synthetic: coverage policy with one ruled "
           "side-by-side table per indication, 'Initial authorization | Continuation' "
           "columns each holding its own list (fictional Harborview Community Health)",
           "initial-continuation-columns", sidebyside_setmelanotide),
    Policy("synth8-formula-baricitinib", "Synthetic: PBM prior-authorization form whose "
           "numbered criteria carry no logic words; a formula line states it ('Approve if "
           "(1 and 2 and (3 or 4) and 5)') (fictional Keystone Rx Benefit Management)",
           "approval-formula", formula_baricitinib),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
