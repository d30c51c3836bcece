"""Write the sixth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic6/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers6_*`) because the unit test runs every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers6_a import bcbsnc_spesolimab, landscape_olaparib, partd_tpo  # noqa: E402
from payers6_b import carefirst_burosumab, va_lecanemab  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth6-partd-thrombopoietin", "Synthetic: Medicare Part D prior authorization "
           "criteria, one page section per drug group, two-column 'PA Criteria | Criteria "
           "Details' field table with inline '(1) ... AND (2) one of the following: (a) ..., "
           "or (b) ...' criteria (fictional Lakeshore Senior Advantage Rx)", "partd-fields",
           partd_tpo),
    Policy("synth6-corporate-spesolimab", "Synthetic: Blue Cross NC / Wellmark-style "
           "Corporate Medical Policy, 'When Spesolimab is covered' / 'is not covered' "
           "sections, numbered lists with lettered sub-lists (fictional Piedmont Crest "
           "Health)", "corporate-medical-policy", bcbsnc_spesolimab),
    Policy("synth6-landscape-olaparib", "Synthetic: landscape three-column table 'Indication "
           "| Initial authorization criteria | Reauthorization criteria', AND/OR at item ends "
           "or starts, rows crossing page breaks (fictional Northwind Health Alliance)",
           "landscape-three-column", landscape_olaparib),
    Policy("synth6-prose-burosumab", "Synthetic: CareFirst / EmblemHealth-style medical "
           "policy, prose criteria with inline parenthetical logic '(a) ... or (b)', '(i and "
           "ii)', a section citing another (fictional Chesapeake Harbor Health Plan)",
           "inline-parenthetical-prose", carefirst_burosumab),
    Policy("synth6-cfu-lecanemab", "Synthetic: VA PBM-style Criteria for Use, exclusion and "
           "inclusion criteria behind drawn check boxes, four nesting levels, 'At least two "
           "of the following' (fictional Federal Health Services PBM)", "criteria-for-use",
           va_lecanemab),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
