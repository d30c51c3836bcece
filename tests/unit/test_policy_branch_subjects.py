"""Several subjects' initial branches read under one heading, split into one indication per
subject, each continuation tied to its subject (branch_subjects.py)."""

from __future__ import annotations

from pipeline.policy.branch_subjects import lead_in_subject, split_subjects
from pipeline.policy.criteria_condition import condition_named
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree


def _branch(kind: str, lead_in: str, *leaves: str) -> Branch:
    kids = [PolicyNode(id=f"{lead_in[:9]}.{k}", text=t, page=1) for k, t in enumerate(leaves)]
    node = PolicyNode(id=lead_in[:9], text=lead_in, page=1, op="all_of", n=len(kids), children=kids)
    return Branch(request_type=kind, node=node)  # type: ignore[arg-type]


_DUPI = _branch(
    "initial",
    "Questions 1-3. Dupilumab pen (Dupixent), initial certification: every answer is Y.",
    "Does the patient have atopic dermatitis on 10% of the body?",
    "Is the patient 6 months of age or older?",
)
_DUPI_RENEW = _branch(
    "continuation", "Questions 4-5. Dupilumab, recertification: both answers Y.", "Less itch?"
)
_TRALO = _branch(
    "initial",
    "Questions 6-8. Tralokinumab (Adbry), first request: every answer is Y.",
    "Is the patient 12 years of age or older?",
)
_TRALO_RENEW = _branch(
    "continuation", "Questions 9-10. Tralokinumab, renewal: both answers Y.", "Clearer skin?"
)


def _tree(name: str, *branches: Branch) -> PolicyTree:
    ind = Indication(id="F", name=name, text=name, page=1, branches=list(branches))
    return PolicyTree(source_id="x", file="x.pdf", title="t", compiler="c", indications=[ind])


def test_a_rule_lines_subject_without_its_label_and_request_type() -> None:
    assert lead_in_subject(_DUPI.node.text) == "Dupilumab pen (Dupixent)"
    assert lead_in_subject(_TRALO_RENEW.node.text) == "Tralokinumab"
    # a sentence with no request type beside its subject, a lead-in with no colon
    assert lead_in_subject("The member meets all of the following: A, B") is None
    assert lead_in_subject("Initial certification: covered when all answers are Y") is None
    assert lead_in_subject("Dupilumab, initial request, when every answer is Y") is None


def test_each_subjects_initial_branch_is_an_indication_with_its_own_renewal() -> None:
    # renewals printed after both initial ranges go to the subject they name
    tree = _tree("Patient name: ________", _DUPI, _TRALO, _TRALO_RENEW, _DUPI_RENEW)
    split_subjects(tree)
    assert [i.name for i in tree.indications] == [
        "Dupilumab pen (Dupixent)",
        "Tralokinumab (Adbry)",
    ]
    dupi, tralo = tree.indications
    assert [b.node.text[:11] for b in dupi.branches] == ["Questions 1", "Questions 4"]
    assert [b.node.text[:11] for b in tralo.branches] == ["Questions 6", "Questions 9"]
    # each is then named by the condition its first question states, the subject after it
    assert condition_named(dupi) == "Atopic dermatitis (Dupilumab pen (Dupixent))"
    # a heading that names the condition stays the name
    tree = _tree("Atopic dermatitis", _DUPI, _DUPI_RENEW, _TRALO, _TRALO_RENEW)
    split_subjects(tree)
    assert tree.indications[1].name == "Atopic dermatitis (Tralokinumab (Adbry))"


def test_one_subject_or_untitled_initial_branches_stay_one_indication() -> None:
    same = _branch("initial", "Questions 11-12. Dupilumab pen (Dupixent), new start: Y.", "A?")
    tree = _tree("Atopic dermatitis", _DUPI, same)
    split_subjects(tree)
    assert len(tree.indications) == 1
    plain = _branch("initial", "The member meets all of the following:", "A")
    tree = _tree("Atopic dermatitis", _DUPI, plain, _DUPI_RENEW)
    split_subjects(tree)
    assert len(tree.indications) == 1 and len(tree.indications[0].branches) == 3
