"""Check that every key phrase of heldout6.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout6.py`
(guidelines read from ../shared/corpus/acr-guidelines, or the folder given as argument).
The same check as the fifth round's (check_heldout5.py: pypdf `extract_text` page by page,
the key-point eval's `norm`, a phrase found on one page, no boilerplate inside a key phrase,
every case with its case file), run on this round's key file. Exits 1 on any failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "oligo-jia-abatacept-before-methotrexate": "jia-guideline-2021.pdf",
    "ssc-hrct-ild-screening": "interstitial-lung-disease-guideline-screening-monitoring-2023.pdf",
    "hip-osteonecrosis-tha-bmi": "total-joint-arthroplasty-guideline-2023.pdf",
    "pregnancy-axspa-celecoxib": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
    "ra-chiropractic-spinal-manipulation": "integrative-ra-treatment-guideline-manuscript-2022.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout6.yaml", HERE / "heldout6-cases", SOURCES))
