"""Check the fourteenth batch's gold trees against the PDFs, independently of the gold writer.

    .venv/bin/python evals/policies/synthetic13/check_gold.py

The check is the seventh batch's (`../synthetic7/check_gold.py`: every leaf, exclusion and
indication page in pypdf's ``extract_text`` of the page the gold gives, whitespace collapsed,
case and punctuation kept; tree shape; counts), run on this folder's `gold/`.
Exit status 1 when anything is not found.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    spec = importlib.util.spec_from_file_location(
        "check_gold7", HERE.parent / "synthetic7" / "check_gold.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.HERE = HERE  # its main() reads HERE / "gold"
    return int(mod.main())


if __name__ == "__main__":
    sys.exit(main())
