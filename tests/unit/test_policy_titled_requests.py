"""Sections titled by one drug and its request ("Section 4.1 - Dravorin, first request" /
"Section 4.2 - Dravorin, renewal") are one indication: the renewal's lead-in names no
condition, yet its title's subject is the first section's, so it is that indication's
renewal (grant_lead_ins.py); and the lead-ins' reading, stating more request types than
the other readers' and naming each indication by a condition, is the one kept
(reading_choice.py)."""

from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.reading_choice import adds_criteria
from tests.unit.test_policy_layouts_rows import _pdf


def test_a_renewal_titled_by_the_same_drug_joins_its_first_request(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "titled.pdf",
        [
            [
                "Harbour Crest Health | Pharmacy Notice 14",
                "Bladder and kidney agents: criteria in force from May 1, 2027",
                "",
                "Section 4.1 - Dravorin, first request",
                "Dravorin (Kelvaxa) for interstitial cystitis in adults: approve",
                "6 months when all of these are met:",
                "1) Bladder pain with urinary frequency for at least 6 months",
                "2) Cystoscopy done within the past 2 years",
                "3) Pentosan polysulfate tried for 3 months without benefit",
                "",
                "Section 4.2 - Dravorin, renewal",
                "Dravorin renewal: approve 12 months when both are met:",
                "1) Pain scores lower than before dravorin",
                "2) No new hematuria while on dravorin",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="notice")
    (ind,) = [i for i in tree.indications if "cystitis" in i.name.lower()]
    assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    assert [len(b.node.leaves()) for b in ind.branches] == [3, 2]
    assert ind.branches[1].node.leaves()[0].text.startswith("Pain scores lower")


def _ind(name: str, *kinds: str, leaves: int = 2) -> Indication:
    branches = [
        Branch(
            request_type=k,  # type: ignore[arg-type]
            node=PolicyNode(
                id=f"{name}.{k}",
                text="when all are met:",
                page=1,
                op="all_of",
                n=leaves,
                children=[
                    PolicyNode(id=f"{name}.{k}.{i}", text=f"c{i}", page=1) for i in range(leaves)
                ],
            ),
        )
        for k in kinds
    ]
    return Indication(id=name, name=name, text=name, page=1, branches=branches)


def test_a_reading_that_types_more_branches_and_names_conditions_is_kept() -> None:
    had = [
        _ind("Pathway A - first box", "any"),
        _ind("Pathway A2 - retreatment", "continuation"),
    ]
    found = [_ind("Active thyroid eye disease", "initial", "continuation")]
    assert adds_criteria(found, had)
    # no more request types stated: the other reading stays
    same = [_ind("Active thyroid eye disease", "any", "continuation")]
    assert not adds_criteria(same, had)
