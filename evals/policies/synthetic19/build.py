"""Write the nineteenth batch of synthetic held-out payer policies (PDF) and their gold trees.

    .venv/bin/python evals/policies/synthetic19/build.py

Reuses the first batch's layout engine (`../synthetic/render.py`) and gold writer
(`../synthetic/make_pdfs.py`: every leaf and group found in the text pypdf extracts from the
written PDF, in document order; a leaf not found is an error). Deterministic (fixed creation
date, core fonts). The content modules have batch-specific names (`payers19_*`) because a test
may run every batch's generator in one process, where a module name already imported would be
reused.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "synthetic")]

import make_pdfs  # noqa: E402
from payers19_a import sbc_roflumilast, thread_carglumic, ticket_desmopressin  # noqa: E402
from payers19_b import scorecard_nitisinone, smartphrase_tasimelteon  # noqa: E402
from render import Policy  # noqa: E402

POLICIES = [
    Policy("synth19-sbc-roflumilast", "Synthetic: Summary of Benefits and Coverage chart, "
           "criteria in the Limitations & Exceptions column (fictional Bluewater Cooperative "
           "Health Plan)", "sbc-chart", sbc_roflumilast),
    Policy("synth19-thread-carglumic", "Synthetic: provider-portal secure-message thread "
           "printed from the browser, criteria in the plan pharmacist's replies (fictional "
           "Riverbend Health Plan)", "portal-message-thread", thread_carglumic),
    Policy("synth19-ticket-desmopressin", "Synthetic: utilization-management configuration "
           "ticket, acceptance criteria as Given / When / Then scenarios (fictional Summit "
           "Valley Health)", "config-ticket-scenarios", ticket_desmopressin),
    Policy("synth19-smartphrase-tasimelteon", "Synthetic: EHR documentation template "
           "(SmartPhrase) with YES/NO pick-lists (fictional Northfield Community Health "
           "Plan)", "ehr-smartphrase", smartphrase_tasimelteon),
    Policy("synth19-scorecard-nitisinone", "Synthetic: eligibility point-count scorecard, "
           "required and optional lines with points (fictional Prairie Hills Health "
           "Cooperative)", "point-scorecard", scorecard_nitisinone),
]


def main(out_dir: Path = HERE) -> None:
    make_pdfs.write_all(POLICIES, out_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
