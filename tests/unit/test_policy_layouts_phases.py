"""Layouts of the ninth synthetic batch's released files (issue 25), as small made-up PDFs:
restriction blocks, one per drug and treatment phase, whose fields' items are joined by bare
AND / OR lines (phase_blocks.py); numbered criteria tagged at the right edge with a legend
saying what each tag means (margin_tags.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.drug_headings import headed_by
from pipeline.policy.margin_tags import tagged_indications
from pipeline.policy.match import drug_words
from pipeline.policy.models import Indication
from pipeline.policy.outline import Line
from pipeline.policy.phase_blocks import phase_block_indications
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_layouts_rows import _pdf, _shape

M, IN, SUB, TAG = 50.0, 74.0, 104.0, 470.0


def _restrictions(tmp_path: Path) -> Path:
    def block(drug: str, phase: str, fields: list, approval: str) -> list:
        return [
            drug,
            "Restriction level: Authority Required",
            f"Treatment phase: {phase}",
            *fields,
            approval,
            "",
        ]

    first = block(
        "Examplimab (Brandex)",
        "First treatment",
        [
            "Clinical criteria:",
            [
                (
                    IN,
                    "Patient must have a confirmed diagnosis of grey river disease with at least two",
                )
            ],
            [(IN, "flares in the last year")],
            [(IN, "AND")],
            [(IN, "Patient must have failed a chelator given for 3 months")],
            [(IN, "OR")],
            [(IN, "Patient must be unable to take any chelator")],
            "Patient criteria:",
            [(IN, "Patient must be at least 12 years old")],
        ],
        "Authority approval: up to 4 months.",
    )
    renewal = block(
        "Examplimab (Brandex)",
        "Continuing treatment",
        [
            "Clinical criteria:",
            [(IN, "Patient must have received subsidised examplimab before")],
            [(IN, "AND")],
            [(IN, "Patient must have responded, being one of the following:")],
            [(SUB, "no flare in the last 4 months")],
            [(SUB, "OR")],
            [(SUB, "half as many flares as before treatment")],
            [(IN, "AND")],
            [(IN, "Patient must not use a second biologic")],
        ],
        "Authority approval: up to 12 months.",
    )
    other = block(
        "Otherimab (Otrex)",
        "Initial treatment - adolescents",
        ["Clinical criteria:", [(IN, "Patient must have a diagnosis of grey river disease")]],
        "Authority approval: up to 6 months.",
    )
    return _pdf(
        tmp_path / "restrictions.pdf",
        [
            [
                "Examplimab and otherimab for grey river disease",
                "Each restriction applies to one treatment phase; every criterion listed for it must be met.",
                "",
                *first,
                *renewal,
                *other,
                "Not subsidised",
                "- Use together with another biologic",
            ]
        ],
    )


def test_each_treatment_phase_block_is_a_branch_with_its_connector_lines(tmp_path: Path) -> None:
    tree = compile_policy(_restrictions(tmp_path), source_id="s" * 64, title="Restrictions")
    names = [i.name for i in tree.indications]
    # named by the condition its criteria diagnose; the drug heading tells them apart
    assert names == ["Grey river disease", "Grey river disease"]
    assert [i.section for i in tree.indications] == ["Examplimab (Brandex)", "Otherimab (Otrex)"]
    first, other = tree.indications
    initial, renewal = first.branches
    assert (initial.request_type, initial.approval) == ("initial", "4 months")
    assert (renewal.request_type, renewal.approval) == ("continuation", "12 months")
    # every field applies; inside one, "A AND B OR C" is A and (B or C)
    assert _shape(initial.node) == (
        "all_of",
        [
            (
                "any_of",
                [
                    (
                        "all_of",
                        [
                            "Patient must have a confirmed diagnosis of grey river disease with at least two flares in the last year",
                            "Patient must have failed a chelator given for 3 months",
                        ],
                    ),
                    "Patient must be unable to take any chelator",
                ],
            ),
            "Patient must be at least 12 years old",
        ],
    )
    # a lead-in ending ":" over the items set deeper under it, joined by OR
    assert _shape(renewal.node) == (
        "all_of",
        [
            "Patient must have received subsidised examplimab before",
            (
                "any_of",
                ["no flare in the last 4 months", "half as many flares as before treatment"],
            ),
            "Patient must not use a second biologic",
        ],
    )
    assert [b.request_type for b in other.branches] == ["initial"]
    assert [e.text for e in tree.exclusions] == ["Use together with another biologic"]


def _grid(tmp_path: Path) -> Path:
    legend = "Key: ESSENTIAL - every one must be met. ALTERNATIVE - at least one alternative in the list is needed."
    return _pdf(
        tmp_path / "grid.pdf",
        [
            [
                "Harbor Health Specialty Criteria",
                "",
                "Part 1 - Grey river disease, chelator-refractory: new request (3 months)",
                [(M, "1. Grey river disease confirmed by biopsy"), (TAG, "ESSENTIAL")],
                [(M, "2. Ferritin above 1000 ng/mL on two tests a month"), (TAG, "ALTERNATIVE")],
                [(M + 12, "apart")],
                [(M, "3. Liver iron above 7 mg/g on MRI"), (TAG, "ALTERNATIVE")],
                [(M, "4. Prescriber is a hematologist"), (TAG, "ESSENTIAL")],
                "",
                "Part 1 - Grey river disease, chelator-refractory: renewal (12 months)",
                [(M, "1. Ferritin fell by a quarter since the start"), (TAG, "ESSENTIAL")],
                [(M, "2. No kidney injury while on treatment, confirmed by a creatinine test")],
                [(M + 12, "in the last 3 months")],
                [(TAG, "ESSENTIAL")],
                "",
                legend,
            ],
            [
                "Not covered",
                "- Transfusion-free patients",
                "",
                legend,
            ],
        ],
    )


def test_right_margin_tags_are_the_logic_the_legend_gives_them(tmp_path: Path) -> None:
    tree = compile_policy(_grid(tmp_path), source_id="s" * 64, title="Grid")
    assert [i.name for i in tree.indications] == ["Grey river disease, chelator-refractory"]
    initial, renewal = tree.indications[0].branches
    assert (initial.request_type, initial.approval) == ("initial", "3 months")
    assert (renewal.request_type, renewal.approval) == ("continuation", "12 months")
    assert _shape(initial.node) == (
        "all_of",
        [
            "Grey river disease confirmed by biopsy",
            (
                "any_of",
                [
                    "Ferritin above 1000 ng/mL on two tests a month apart",
                    "Liver iron above 7 mg/g on MRI",
                ],
            ),
            "Prescriber is a hematologist",
        ],
    )
    # a tag on a line of its own after a wrapped criterion is that criterion's
    assert _shape(renewal.node) == (
        "all_of",
        [
            "Ferritin fell by a quarter since the start",
            "No kidney injury while on treatment, confirmed by a creatinine test in the last 3 months",
        ],
    )


def _lines(texts: list[str]) -> list[Line]:
    return [Line(1, 0, t) for t in texts]


def test_tags_need_a_stated_meaning_and_line_end_connectors_are_no_tags() -> None:
    items = [
        "Request: initial",
        "1. Diagnosis confirmed by biopsy PRIMARY",
        "2. Ferritin above 1000 ng/mL SECONDARY",
        "3. Liver iron above 7 mg/g SECONDARY",
        "4. Prescriber is a hematologist PRIMARY",
    ]
    # nothing in the policy says what PRIMARY or SECONDARY mean: no reading
    assert tagged_indications(_lines(items), PageText(["\n".join(items)]), []) is None
    joined = [
        "Initial approval",
        "1. Member is 18 or older AND",
        "2. Member has the disease AND",
        "3. Either one of the drugs OR",
    ]
    text = "\n".join([*joined, "Either one is enough."])
    assert tagged_indications(_lines(joined), PageText([text]), []) is None


def test_a_phase_block_with_run_in_and_flush_items_ends_at_its_approval() -> None:
    texts = [
        "Drugumab (Druga)",
        "Phase: Initial treatment",
        "Clinical criteria: Patient has grey river disease",
        "AND",
        "Patient is 18 or older",
        "Prescriber criteria:",
        "Must be given by a specialist",
        "Approval: 6 months",
        "Notes",
        "A paragraph that is no criterion.",
    ]
    read = phase_block_indications(_lines(texts), PageText(["\n".join(texts)]), [])
    assert read is not None
    (ind,), used = read
    (branch,) = ind.branches
    assert (branch.request_type, branch.approval) == ("initial", "6 months")
    assert [x.text for x in branch.node.leaves()] == [
        "Patient has grey river disease",
        "Patient is 18 or older",
        "Must be given by a specialist",
    ]
    assert used == set(range(8))
    # no phase that starts treatment: no reading
    assert (
        phase_block_indications(
            _lines(["Drug", "Phase: Continuing treatment", "Clinical criteria: X"]),
            PageText(["x"]),
            [],
        )
        is None
    )


def test_one_drugs_phases_with_qualifiers_are_named_by_them() -> None:
    texts = []
    for qualifier in ("stage 2", "stage 3"):
        texts += [
            "Drugumab (Druga)",
            f"Treatment phase: Initial treatment - {qualifier}",
            "Clinical criteria:",
            f"  Patient must have a diagnosis of grey river disease, {qualifier}",
            "Approval: 6 months",
        ]
    read = phase_block_indications(_lines(texts), PageText(["\n".join(texts)]), [])
    assert read is not None
    assert [i.name for i in read[0]] == [
        "Grey river disease - stage 2",
        "Grey river disease - stage 3",
    ]


def test_the_block_headed_by_the_requested_drug_is_its_indication() -> None:
    def ind(k: str, heading: str) -> Indication:
        return Indication(id=k, name="Grey river disease", text="", page=1, section=heading)

    both = [ind("1", "Examplimab + otherimab (Duobrand)"), ind("2", "Otherimab (Otrex)")]
    assert headed_by(both, drug_words("Otrex (otherimab)"), drug_words) == {"2"}
    assert headed_by(both, drug_words("Duobrand (examplimab/otherimab)"), drug_words) == {"1"}
    # the same heading, or none like the drug: no sign
    same = [ind("1", "Otherimab (Otrex)"), ind("2", "Otherimab (Otrex)")]
    assert headed_by(same, drug_words("Otrex"), drug_words) == set()
    assert headed_by(both, drug_words("Thirdimab"), drug_words) == set()
