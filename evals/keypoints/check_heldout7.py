"""Check that every key phrase of heldout7.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout7.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the seventh round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "axspa-secukinumab-before-tnfi": "axial-spa-guideline-2019.pdf",
    "psa-abatacept-after-adalimumab-secondary-failure": "psoriatic-arthritis-guideline-2018.pdf",
    "giop-teriparatide-fracture-on-alendronate": "giop-guideline-manuscript-2022.pdf",
    "ln-rituximab-refractory-after-two-triple": "lupus-nephritis-guideline-summary-2024.pdf",
    "lyme-ptlds-iv-ceftriaxone": "idsa-aan-acr-lyme-disease-guideline-2020.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout7.yaml", HERE / "heldout7-cases", SOURCES))
