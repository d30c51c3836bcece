"""Check that every key phrase of heldout5.yaml occurs in its ACR guideline's text layer.

Run from the repository root: `.venv/bin/python evals/keypoints/check_heldout5.py`
(guidelines read from ../shared/corpus/acr-guidelines, or the folder given as argument).
Each PDF is read with pypdf `extract_text`, page by page, and normalised with the same
`norm` as `necessity eval keypoints` (copied here so the check does not import the
pipeline); a phrase counts when it occurs on one page. Also checks that no key phrase
contains a boilerplate phrase (a quote of it would count as boilerplate) and that every
case has its case file. Exits 1 on any failure.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml
from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
KEYFILE = HERE / "heldout5.yaml"
CASES = HERE / "heldout5-cases"
DEFAULT_GUIDELINES = HERE.parents[1] / ".." / "shared" / "corpus" / "acr-guidelines"

# the one guideline each case is answerable from
SOURCES = {
    "egpa-mepolizumab-nonsevere-relapse": "anca-associated-vasculitis-guideline-2021.pdf",
    "ra-etanercept-heart-failure": "ra-guideline-2021.pdf",
    "obstetric-aps-ivig": (
        "reproductive-health-rheumatic-and-musculoskeletal-disease-guideline-2020.pdf"
    ),
    "hand-oa-adalimumab": "osteoarthritis-guideline-2019.pdf",
    "gout-flare-canakinumab-contraindications": "gout-guideline-2020.pdf",
}


def norm(text: str) -> str:
    """The key-point eval's normaliser (pipeline/evals/keypoints.py `norm`)."""
    text = unicodedata.normalize("NFKC", text).lower().replace("&lt;", "<").replace("&gt;", ">")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # the dashes PDFs use, as a plain hyphen
    text = re.sub(r"(?<=[a-z0-9])- +(?=[a-z0-9])", "-", text)
    return " ".join(text.split())


def pages(pdf: Path) -> list[str]:
    return [norm(page.extract_text() or "") for page in PdfReader(pdf).pages]


def load(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text())
    except yaml.YAMLError as err:
        raise SystemExit(f"{path}: not valid YAML: {err}") from None


def main(
    guidelines: Path,
    keyfile: Path = KEYFILE,
    cases: Path = CASES,
    sources: dict[str, str] = SOURCES,
) -> int:
    """Check one key file (later rounds call this with theirs); 0 when every phrase is found."""
    if not guidelines.is_dir():
        print(f"no guideline folder at {guidelines}", file=sys.stderr)
        return 2
    keys = load(keyfile)
    boilerplate = [norm(b) for b in keys.get("boilerplate", [])]
    failures: list[str] = []
    total = 0
    for case_id, case in keys["cases"].items():
        case_file = cases / f"{case_id}.yaml"
        if not case_file.is_file():
            failures.append(f"{case_id}: no case file {case_file}")
        elif load(case_file).get("case_id") != case_id:
            failures.append(f"{case_id}: case_id in {case_file.name} differs")
        text = pages(guidelines / sources[case_id])
        points = case["key_points"]
        found_points = 0
        for point in points:
            where = f"{case_id}/{point['id']}"
            phrases = point["any"]
            if not 1 <= len(phrases) <= 3:
                failures.append(f"{where}: {len(phrases)} phrases (want 1-3)")
            ok = True
            for phrase in phrases:
                total += 1
                parts = [norm(p) for p in phrase.split(" & ")]
                if not any(all(p in page for p in parts) for page in text):
                    ok = False
                    failures.append(f"{where}: not in {sources[case_id]}: {phrase!r}")
                hit = [b for b in boilerplate if b in norm(phrase)]
                if hit:
                    failures.append(f"{where}: phrase contains boilerplate {hit}: {phrase!r}")
            found_points += ok
        print(
            f"{case_id}: stance {case['stance']}, "
            f"{found_points}/{len(points)} key points with every phrase found"
        )
    print(f"{total} phrases checked, {len(failures)} failures")
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GUIDELINES.resolve()))
