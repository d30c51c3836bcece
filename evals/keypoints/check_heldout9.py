"""Check that every key phrase of heldout9.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout9.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the ninth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "psa-ixekizumab-treatment-naive": "psoriatic-arthritis-guideline-2018.pdf",
    "ra-certolizumab-after-adalimumab": "ra-guideline-2021.pdf",
    "knee-oa-duloxetine-after-nsaids": "osteoarthritis-guideline-2019.pdf",
    "ra-perioperative-stress-dose-hydrocortisone": "perioperative-management-guideline-2022.pdf",
    "ra-rsv-vaccine-on-rituximab": "vaccinations-guideline-manuscript-2022.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout9.yaml", HERE / "heldout9-cases", SOURCES))
