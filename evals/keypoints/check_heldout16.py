"""Check that every key phrase of heldout16.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout16.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the sixteenth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "nraxspa-certolizumab-nsaid-naive": "axial-spa-guideline-2019.pdf",
    "gpa-nonsevere-mycophenolate-initial": "anca-associated-vasculitis-guideline-2021.pdf",
    "severe-sle-voclosporin-continued-through-tha": "perioperative-management-guideline-2022.pdf",
    "ra-yellow-fever-vaccine-on-adalimumab-methotrexate": (
        "vaccinations-guideline-manuscript-2022.pdf"
    ),
    "ssc-ild-nintedanib-progression-on-mycophenolate": (
        "interstitial-lung-disease-guideline-screening-monitoring-2023.pdf"
    ),
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout16.yaml", HERE / "heldout16-cases", SOURCES))
