"""Write the twelfth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic12/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers12_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers12_a import email_ppd, monograph_iron, sa_hpp  # noqa: E402
from payers12_b import checklist_pku, codes_constipation  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth12-authority-hpp", "Synthetic: national formulary Special Authority entry "
           "(New Zealand schedule style), 'Initial application - (...)' / 'Renewal - (...)' "
           "blocks, 'Applications only from ...', 'Approvals valid for n months ...', "
           "'All of the following:' over plain numbered lines (fictional Kowhai Regional "
           "Health Fund)", "special-authority-entry", sa_hpp),
    Policy("synth12-email-ppd", "Synthetic: internal e-mail to the review team, From / Sent "
           "/ To / Subject lines, criteria in the body under 'approve ... if ALL of these "
           "check out:' sentences over '1)' lines, quoted earlier message (fictional "
           "Tamarack Valley Health Plan)", "internal-email", email_ppd),
    Policy("synth12-monograph-iron", "Synthetic: health-system formulary drug monograph, "
           "label column of fields, criteria inside the 'Restrictions' field as "
           "'Restriction 1 - ...' paragraphs over 'a.' lines (fictional Bramblewood Health "
           "System)", "formulary-monograph", monograph_iron),
    Policy("synth12-codes-constipation", "Synthetic: coverage policy with ICD-10 code tables "
           "first, each followed by 'Criteria that apply to every code in Table A' with "
           "'(A1)' markers (fictional Juniper Ridge Health Plan)", "code-table-then-criteria",
           codes_constipation),
    Policy("synth12-checklist-pku", "Synthetic: prior-authorization checklist, numbered "
           "check boxes running in two columns per section, bold 'every numbered box must "
           "be checked' instruction lines (fictional Aldergrove Community Care)",
           "two-column-checklist", checklist_pku),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
