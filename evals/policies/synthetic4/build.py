"""Write the fourth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic4/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic. The content
modules have batch-specific names (`payers4_*`) because the unit test runs every batch's
generator in one process, where a module name already imported would be reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers4_a import excellus_teriparatide  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth4-excellus-teriparatide", "Synthetic: Excellus/Blue Cross NC-style medical "
           "policy, 'Medical Criterion' lettered lists with the logic only at item ends "
           "('; and' / '; or') (fictional Finger Lakes Mutual Health Plan)",
           "item-end-lowercase", excellus_teriparatide),
]


def main(out_dir: Path = HERE) -> None:
    for policy in POLICIES:
        gold = make_pdfs.write(policy, out_dir)
        n = sum(1 for i in gold["indications"] if "initial" in i)
        pages = len(make_pdfs.Pages(out_dir / gold["file"]).texts)
        print(f"{policy.stem}: {pages} pages, {len(gold['indications'])} indications "
              f"({n} with trees), {len(gold['exclusions'])} exclusions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
