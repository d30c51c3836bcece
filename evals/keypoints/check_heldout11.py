"""Check that every key phrase of heldout11.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout11.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the eleventh round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "ra-tocilizumab-monotherapy-dmard-naive": "ra-guideline-2021.pdf",
    "lyme-erythema-migrans-azithromycin-first-line": "idsa-aan-acr-lyme-disease-guideline-2020.pdf",
    "npsle-leuprolide-during-iv-cyclophosphamide": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
    "erosive-hand-oa-hydroxychloroquine": "osteoarthritis-guideline-2019.pdf",
    "mpa-avacopan-with-rituximab-induction": "anca-associated-vasculitis-guideline-2021.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout11.yaml", HERE / "heldout11-cases", SOURCES))
