"""Check that every key phrase of heldout15.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout15.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the fifteenth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "pmr-tocilizumab-new-onset-before-glucocorticoids": "polymyalgia-rheumatica-guideline-2015.pdf",
    "mpa-iv-cyclophosphamide-severe-induction": "anca-associated-vasculitis-guideline-2021.pdf",
    "oligo-jia-etanercept-after-iagc-and-methotrexate": "jia-guideline-2021.pdf",
    "sle-apl-positive-combined-oral-contraceptive": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
    "psa-guselkumab-after-adalimumab-primary-failure": "psoriatic-arthritis-guideline-2018.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout15.yaml", HERE / "heldout15-cases", SOURCES))
