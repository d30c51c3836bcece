"""Check that every key phrase of heldout14.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout14.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the fourteenth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "ra-abatacept-dmard-naive": "ra-guideline-2021.pdf",
    "as-tofacitinib-after-nsaids-tnfi-naive": "axial-spa-guideline-2019.pdf",
    "lyme-tick-bite-doxycycline-prophylaxis": "idsa-aan-acr-lyme-disease-guideline-2020.pdf",
    "hip-oa-zoledronic-acid": "osteoarthritis-guideline-2019.pdf",
    "ra-anakinra-after-adalimumab-and-tocilizumab": "ra-guideline-2021.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout14.yaml", HERE / "heldout14-cases", SOURCES))
