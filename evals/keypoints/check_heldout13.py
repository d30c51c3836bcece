"""Check that every key phrase of heldout13.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout13.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the thirteenth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "psa-tofacitinib-after-methotrexate": "psoriatic-arthritis-guideline-2018.pdf",
    "ln-obinutuzumab-initial-class-iv": "lupus-nephritis-guideline-summary-2024.pdf",
    "giop-zoledronic-acid-after-alendronate-intolerance": "giop-guideline-manuscript-2022.pdf",
    "giop-raloxifene-moderate-risk": "giop-guideline-manuscript-2022.pdf",
    "pmr-leflunomide-relapsing-after-methotrexate": "polymyalgia-rheumatica-guideline-2015.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout13.yaml", HERE / "heldout13-cases", SOURCES))
