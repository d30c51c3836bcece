"""Check that every key phrase of heldout18.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout18.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the eighteenth round's key file, case folder and sources. Exits 1 on a
failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "psa-active-crohns-secukinumab-after-methotrexate": "psoriatic-arthritis-guideline-2018.pdf",
    "ra-prior-lymphoma-rituximab-after-methotrexate": "ra-guideline-2021.pdf",
    "knee-oa-platelet-rich-plasma": "osteoarthritis-guideline-2019.pdf",
    "ra-baricitinib-continued-in-pregnancy": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
    "sle-menopausal-hormone-therapy-apl-negative": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout18.yaml", HERE / "heldout18-cases", SOURCES))
