"""Write fuzzed policy PDFs and their gold trees into a folder (never committed).

    .venv/bin/python evals/policies/fuzz/fuzz_build.py OUT_DIR [--seeds 0-59]

Seed k re-renders source policy k mod N (the synthetic batches' gold trees, fuzz_source.py)
with the layout drawn from seed k (fuzz_layout.py). Seeds 0-59 are the tune set, 100-159
the report set. Deterministic: the same seed gives the same PDF and gold.
Then: ``python -m pipeline.cli eval policies OUT_DIR --shared OUT_DIR``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_layout import draw_layout  # noqa: E402
from fuzz_render import Renderer  # noqa: E402
from fuzz_source import Source, load_sources  # noqa: E402


def seeds(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def build_one(seed: int, out: Path, sources: list[Source] | None = None) -> dict[str, Any]:
    """Write ``fuzz-<seed>.pdf`` and ``fuzz-<seed>.json`` into ``out``; the gold tree."""
    sources = sources or load_sources()
    src = sources[seed % len(sources)]
    out.mkdir(parents=True, exist_ok=True)
    gold = Renderer(draw_layout(seed), src).render(out / f"fuzz-{seed:03d}.pdf")
    (out / f"fuzz-{seed:03d}.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", default="0-59")
    args = ap.parse_args()
    sources = load_sources()
    for seed in seeds(args.seeds):
        build_one(seed, args.out, sources)
    print(f"{len(seeds(args.seeds))} policies from {len(sources)} sources in {args.out}")


if __name__ == "__main__":
    main()
