"""Check that every key phrase of heldout10.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout10.py [GUIDELINES]`.
check_heldout5.main does the work for every round since the fifth (pages read with pypdf,
the eval's `norm`, one page per phrase, no boilerplate in a phrase, a case file per case);
this file only names the tenth round's key file, case folder and sources. Exits 1 on a failure.
"""

from __future__ import annotations

import sys
from pathlib import Path

from check_heldout5 import DEFAULT_GUIDELINES, main

HERE = Path(__file__).resolve().parent

# the one guideline each case is answerable from
SOURCES = {
    "gout-flare-anakinra-first-line": "gout-guideline-2020.pdf",
    "giop-denosumab-very-high-risk": "giop-guideline-manuscript-2022.pdf",
    "pmr-methotrexate-relapsing-on-prednisone": "polymyalgia-rheumatica-guideline-2015.pdf",
    "as-infliximab-biosimilar-after-infliximab-nonresponse": "axial-spa-guideline-2019.pdf",
    "ln-anifrolumab-partial-response-on-dual": "lupus-nephritis-guideline-summary-2024.pdf",
}

if __name__ == "__main__":
    guidelines = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()
    sys.exit(main(guidelines, HERE / "heldout10.yaml", HERE / "heldout10-cases", SOURCES))
