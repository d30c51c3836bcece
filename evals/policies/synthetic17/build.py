"""Write the seventeenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic17/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers17_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers17_a import limitatio_teduglutide, screen_letermovir, sheet_finerenone  # noqa: E402
from payers17_b import member_maralixibat, paper_crinecerfont  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth17-screen-letermovir", "Synthetic: claims-system terminal screen print, "
           "monospaced criteria-inquiry screens with Y/N response column and an APPROVAL RULE "
           "line per screen (fictional Keystone Valley Health Plan)", "terminal-screen-print",
           screen_letermovir),
    Policy("synth17-limitatio-teduglutide", "Synthetic: Swiss-style Specialty List entry, "
           "pack and price table then a 'Limitatio' text per patient group (fictional "
           "Alpenrand Health Fund)", "specialty-list-limitatio", limitatio_teduglutide),
    Policy("synth17-sheet-finerenone", "Synthetic: spreadsheet printout with column letters "
           "and row numbers, rule-id / criterion / logic / note columns (fictional Riverbend "
           "Employees' Health Trust)", "spreadsheet-printout", sheet_finerenone),
    Policy("synth17-member-maralixibat", "Synthetic: member-facing plain-language coverage "
           "guide written to parents, question headings per condition (fictional Sunrise "
           "Family Health Plan)", "member-guide", member_maralixibat),
    Policy("synth17-paper-crinecerfont", "Synthetic: coverage position paper set out as a "
           "journal article, positions with bracketed reference numbers (fictional Pacific "
           "Crest Health Cooperative)", "journal-position-paper", paper_crinecerfont),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
