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
from payers4_a import excellus_teriparatide, tufts_adalimumab, twocol_ocrelizumab  # noqa: E402
from payers4_b import bcbsm_apremilast, elixir_epoetin  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth4-excellus-teriparatide", "Synthetic: Excellus/Blue Cross NC-style medical "
           "policy, 'Medical Criterion' lettered lists with the logic only at item ends "
           "('; and' / '; or') (fictional Finger Lakes Mutual Health Plan)",
           "item-end-lowercase", excellus_teriparatide),
    Policy("synth4-twocol-ocrelizumab", "Synthetic: clinical pharmacy policy laid out in two "
           "columns, criteria on the left and notes on the right (fictional Lakeshore Health "
           "Partners)", "two-column-notes", twocol_ocrelizumab),
    Policy("synth4-tufts-adalimumab", "Synthetic: Tufts/Harvard Pilgrim-style pharmacy medical "
           "necessity guideline, roman-numeral sections and bold run-in condition labels "
           "(fictional Bay Colony Health Alliance)", "roman-sections-run-in", tufts_adalimumab),
    Policy("synth4-elixir-epoetin", "Synthetic: Elixir/MedImpact-style prior authorization "
           "criteria, indications as ALL CAPS lines, 'Criteria for approval (all must be met):' "
           "and en-dash markers (fictional Cedar Point Pharmacy Solutions)", "caps-dash-lists",
           elixir_epoetin),
    Policy("synth4-bcbsm-apremilast", "Synthetic: BCBS Michigan-style drug criteria, numbered "
           "items opened by their connector ('AND 2.', 'OR b.') (fictional Great Lakes Blue "
           "Plan)", "leading-connectors", bcbsm_apremilast),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
