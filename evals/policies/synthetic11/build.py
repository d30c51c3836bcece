"""Write the eleventh batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic11/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers11_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers11_a import minutes_pegloticase, newsletter_vmat2, slides_acromegaly  # noqa: E402
from payers11_b import export_fabry, faq_gnrh  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth11-newsletter-vmat2", "Synthetic: provider newsletter article set in two "
           "text columns, run-in 'First approval' / 'Extension' sentences over '»' items, "
           "a shaded sidebar of exclusions (fictional Cedar Hollow Health Partners)",
           "newsletter-two-column", newsletter_vmat2),
    Policy("synth11-minutes-pegloticase", "Synthetic: pharmacy and therapeutics committee "
           "minutes, criteria inside 'Motion (...): that ... be approved ... when all of the "
           "following are documented:' paragraphs, votes, limits adopted with the motions "
           "(fictional Larkspur Community Health Plan)", "committee-minutes",
           minutes_pegloticase),
    Policy("synth11-slides-acromegaly", "Synthetic: landscape slide deck, one slide per "
           "request type, title bar, 'Approve if ALL:' and 'ONE of:' bullet lines, slide "
           "numbers (fictional Northgate Health Alliance)", "slide-deck", slides_acromegaly),
    Policy("synth11-faq-gnrh", "Synthetic: coverage questions and answers, 'Q2. When will "
           "... approve ...?' / 'A. We approve it for 6 months when ...' over dash items "
           "(fictional Silverline Health)", "question-and-answer", faq_gnrh),
    Policy("synth11-export-fabry", "Synthetic: utilization-management rules library export, "
           "one ruled row per rule, 'Rule | Parent | Logic | Text' columns, ALL / ANY only in "
           "the Logic column of group rows (fictional Brookfield Care Plan)",
           "rules-library-export", export_fabry),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
