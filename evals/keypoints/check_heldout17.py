"""Check that every key phrase of heldout17.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout17.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the seventeenth round's key file, case folder and sources. Exits 1 on a
failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "gout-canakinumab-prophylaxis-starting-allopurinol": "gout-guideline-2020.pdf",
    "class-iv-ln-high-dose-iv-cyclophosphamide": "lupus-nephritis-guideline-summary-2024.pdf",
    "pure-class-v-ln-tacrolimus-with-mmf": "lupus-nephritis-guideline-summary-2024.pdf",
    "asymptomatic-hyperuricemia-allopurinol": "gout-guideline-2020.pdf",
    "sle-mpox-vaccine-post-exposure-on-mycophenolate": "vaccinations-guideline-manuscript-2022.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout17.yaml", HERE / "heldout17-cases", SOURCES))
