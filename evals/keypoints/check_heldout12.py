"""Check that every key phrase of heldout12.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout12.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the twelfth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "as-etanercept-nsaid-naive": "axial-spa-guideline-2019.pdf",
    "gout-probenecid-first-line-ckd3": "gout-guideline-2020.pdf",
    "ra-high-dose-influenza-vaccine-on-methotrexate": "vaccinations-guideline-manuscript-2022.pdf",
    "oligo-jia-oral-prednisolone-initial": "jia-guideline-2021.pdf",
    "as-upadacitinib-after-tnfi-primary-nonresponse": "axial-spa-guideline-2019.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout12.yaml", HERE / "heldout12-cases", SOURCES))
