"""Write the second batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic2/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers_a import envolve_blinatumomab, esi_mepolizumab  # noqa: E402
from payers_b import highmark_natalizumab, icd_secukinumab, table_ivig  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth2-envolve-blinatumomab", "Synthetic: Envolve/Centene-family clinical policy "
           "(fictional Pinecrest Health Partners)", "envolve", envolve_blinatumomab),
    Policy("synth2-esi-mepolizumab", "Synthetic: Express Scripts/Evernorth-style prior "
           "authorization policy (fictional Northbridge Pharmacy Solutions)", "esi",
           esi_mepolizumab),
    Policy("synth2-icd-secukinumab", "Synthetic: coverage guideline with ICD-10-headed "
           "condition sections (fictional Harborview Health Alliance)", "icd-headed",
           icd_secukinumab),
    Policy("synth2-highmark-natalizumab", "Synthetic: Highmark/Independence-style medical policy "
           "bulletin, criteria in prose (fictional Allegheny Summit Blue)", "prose",
           highmark_natalizumab),
    Policy("synth2-table-ivig", "Synthetic: criteria table, one row per indication with "
           "Initial / Reauthorization columns (fictional Lakeshore Community Health Plan)",
           "indication-table", table_ivig),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
