"""`necessity eval keypoints`: recall of key points (alternative phrases), off-topic share,
boilerplate quoted, documentation requested and the stance, per case and overall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evals.keypoints import KeyFileError, evaluate, found, load_keyfile, norm
from pipeline.models import (
    Evidence,
    GuidelinePosition,
    Provenance,
    Review,
    Section,
    Statement,
    Validation,
)

KEYS = Path(__file__).resolve().parents[2] / "evals" / "keypoints"


def _ev(i: int, text: str, title: str) -> Evidence:
    return Evidence(
        id=f"E{i}.1",
        passage=f"E{i}",
        chunk_id=f"c{i}",
        source_id=f"s{i}",
        file=f"{i}.pdf",
        page=1,
        text=text,
        title=title,
    )


def _review(tmp_path: Path) -> Path:
    evs = [
        _ev(1, "Methotrexate is the preferred first drug for children.", "JIA summary"),
        _ev(2, "It is a sample for the Necessity pipeline; read the original guideline.", "JIA"),
        _ev(3, "Healthcare disparities affect outcomes in people with lupus.", "Lupus guide"),
    ]
    st = [Statement(text=e.text, citations=[e.id]) for e in evs]
    review = Review(
        case_id="c1",
        verdict="not_medically_necessary",
        recommendation="send_to_peer_review",
        sections=[
            Section(key="rationale", heading="R", statements=st),
            Section(key="application", heading="A", statements=[Statement(text="Off words.")]),
        ],
        documentation_to_request=["Trial of methotrexate; an adequate trial is about 3 months"],
        guideline_position=GuidelinePosition(stance="not_recommended", summary="Not IVIG."),
        evidence=evs,
        references=[],
        validation=Validation(),
        provenance=Provenance(
            model="m",
            endpoint="e",
            prompt_version="p",
            embedder="x",
            store="s",
            created_at="now",
            necessity_version="0",
        ),
    )
    out = tmp_path / "reviews"
    out.mkdir()
    (out / "c1.review.json").write_text(json.dumps(review.model_dump(mode="json")))
    return out


def test_scores_recall_off_topic_boilerplate_documentation_and_stance(tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    keys.write_text(
        """
boilerplate: ["it is a sample for the necessity pipeline"]
cases:
  c1:
    stance: not_recommended
    key_points:
      - {id: mtx, any: ["methotrexate is the preferred first drug"]}
      - {id: trial, any: ["methotrexate & about 3 months"]}
      - {id: sc, any: ["subcutaneous methotrexate"]}
    documentation:
      - {id: mtx-trial, any: ["methotrexate"]}
      - {id: mas, any: ["macrophage activation"]}
    on_topic: {documents: ["jia"], words: ["methotrexate", "children"]}
  missing-case:
    key_points: []
"""
    )
    report = evaluate(keys, _review(tmp_path))
    c1 = report["cases"]["c1"]
    assert c1["key_points_found"] == 2 and c1["missing"] == ["sc"]
    assert c1["statements"] == 3 and c1["off_topic"] == 1  # the lupus sentence, not application
    assert c1["boilerplate"] == 1
    assert c1["documentation_recall"] == 0.5 and c1["stance_right"] is True
    assert "not found" in report["cases"]["missing-case"]["error"]
    assert report["overall"]["recall"] == round(2 / 3, 3) and report["overall"]["scored"] == 1


def test_phrases_fold_case_ligatures_and_dashes() -> None:
    assert norm("Efﬁcacy of MTX – ≤3 months") == "efficacy of mtx - ≤3 months"
    assert found({"any": ["efficacy & mtx"]}, [norm("The efﬁcacy of MTX.")])
    assert not found({"any": ["efficacy & tnf"]}, [norm("efficacy"), norm("tnf")])


def test_bad_key_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases:\n  c1:\n    key_points: [{id: x}]\n")
    with pytest.raises(KeyFileError, match=r"bad.yaml: c1.key_points\[0\] needs 'any'"):
        load_keyfile(bad)
    bad.write_text("cases:\n  c1:\n    stance: maybe\n")
    with pytest.raises(KeyFileError, match="stance 'maybe'"):
        load_keyfile(bad)
    with pytest.raises(KeyFileError, match="cannot read"):
        load_keyfile(tmp_path / "none.yaml")


SHIPPED = ("seeds.yaml", "heldout.yaml", "heldout2.yaml", "heldout3.yaml")


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_key_files_load(name: str) -> None:
    keys = load_keyfile(KEYS / name)
    assert keys["cases"] and all(c.get("stance") for c in keys["cases"].values())


@pytest.mark.parametrize("name", [n for n in SHIPPED if n.startswith("heldout")])
def test_held_out_case_files_match_their_key_file(name: str) -> None:
    """Every case a held-out key file scores has a case file the review reads, and no more."""
    from pipeline.cases.casefile import load_case

    keys = load_keyfile(KEYS / name)
    folder = KEYS / f"{Path(name).stem}-cases"
    cases = {load_case(f).case_id: f for f in sorted(folder.glob("*.yaml"))}
    assert set(cases) == set(keys["cases"])
    assert all(f.stem == case_id for case_id, f in cases.items())


def test_a_text_layers_broken_hyphen_matches_the_key_phrase() -> None:
    from pipeline.evals.keypoints import norm

    assert norm("a TNFi is recommended over an IL- 17i or IL- 12/23i") == norm(
        "a tnfi is recommended over an il-17i or il-12/23i"
    )
    assert norm("moderate- to- high disease activity") == "moderate-to-high disease activity"
    assert norm("TNFi - and more") == "tnfi - and more"  # a spaced dash is a dash
