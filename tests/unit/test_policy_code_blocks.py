"""Two payer layouts on small printed policies: numbered code blocks ("Criteria code 101 -
Plaque psoriasis, initial" over one prose sentence that carries the logic, renewal as its
own code, a code listed with no criteria: code_blocks.py), and lead-ins whose logic is a
parenthesis at their end ("Clinical criteria (must meet all):", "(one required)", "(both
required)") under marked condition names in sentence case (lead_in_titles.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.code_blocks import code_indications, code_line
from pipeline.policy.lead_in_titles import lead_in, titles_lead_in
from pipeline.policy.outline import Line
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_sections import _compile, _shape

CODE_BLOCKS = """
# Drug Benefit Formulary - Special Authorization Criteria
Examplimab is funded for the criteria codes below. Quote the code that applies.
# Criteria code 101 - Plaque psoriasis, initial
For the treatment of moderate to severe plaque psoriasis in adults who meet all of the following
criteria:
 - The patient is 18 years of age or older
 - Psoriasis covers at least 10% of the body surface area
 - The patient has tried one of the following without a response:
      - Methotrexate for at least 3 months
      - Phototherapy for at least 12 weeks
 - Prescribed by a dermatologist
Authorization period: 6 months.
# Criteria code 102 - Plaque psoriasis, renewal
Renewal of funding for plaque psoriasis will be considered for patients who meet all of the following
criteria:
 - The patient was approved under criteria code 101
 - Body surface area has fallen by at least half since the start of treatment
Authorization period: 12 months.
# Criteria code 201 - Crohn disease
For moderate to severe Crohn disease in patients who meet all of the following criteria:
 - The patient is 18 years of age or older
 - The patient did not respond to a corticosteroid
%%
 - Prescribed by a gastroenterologist
# Criteria code 202 - Crohn disease - continued therapy
Continued funding is considered for patients who meet all of the following criteria:
 - Fewer liquid stools than before treatment
 - No new fistula
# Criteria code 301 - Hidradenitis suppurativa
Examplimab is not funded for hidradenitis suppurativa at this time.
# Exclusion criteria
Funding is not provided in the following circumstances:
 - Use together with another biologic drug
 - Active tuberculosis
"""


def test_code_blocks_are_indications_and_renewal_codes_continue_them(tmp_path: Path) -> None:
    tree = _compile(CODE_BLOCKS, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["Plaque psoriasis", "Crohn disease", "Hidradenitis suppurativa"]
    pso, crohn, hs = tree.indications
    assert pso.id == "101" and crohn.id == "201"
    # the renewal code cites code 101; code 202 is the same condition's continued therapy
    assert [b.request_type for b in pso.branches] == ["initial", "continuation"]
    assert [b.request_type for b in crohn.branches] == ["initial", "continuation"]
    initial = pso.branches[0].node
    assert initial.text.startswith("For the treatment of moderate to severe plaque psoriasis")
    assert _shape(initial) == (
        "all_of",
        ["The", "Psoriasis", ("any_of", ["Methotrexate", "Phototherapy"]), "Prescribed"],
    )
    assert pso.branches[0].approval == "6 months"
    assert _shape(pso.branches[1].node) == ("all_of", ["The", "Body"])
    # the list runs across the page break
    assert _shape(crohn.branches[0].node) == ("all_of", ["The", "The", "Prescribed"])
    assert [leaf.page for leaf in crohn.branches[0].node.leaves()] == [1, 1, 2]
    assert _shape(crohn.branches[1].node) == ("all_of", ["Fewer", "No"])
    # a code with no criteria: named, and it decides nothing
    assert hs.branches == []
    assert [e.text for e in tree.exclusions] == [
        "Use together with another biologic drug",
        "Active tuberculosis",
    ]
    assert all(
        leaf.verified for i in tree.indications for b in i.branches for leaf in b.node.leaves()
    )


def test_code_lines_and_a_lone_code_table_line() -> None:
    line = Line(1, 0, "Reason for use code 451 - Neovascular macular degeneration, initial")
    assert code_line(line) == ("451", "Neovascular macular degeneration, initial")
    assert code_line(Line(1, 0, "Code 7: Severe asthma")) == ("7", "Severe asthma")
    # a sentence that names a code, and a code line set deep in a list, head nothing
    assert code_line(Line(1, 0, "Quote code 451 - it must be on the request.")) is None
    assert code_line(Line(1, 12, "Criteria code 12 - Asthma")) is None
    # one code line with a list under it is a code table's row, not a layout of blocks
    lines = [
        Line(1, 0, "Procedure code 67028 - Intravitreal injection"),
        Line(1, 0, "Billed once per eye when all of the following apply:"),
        Line(1, 3, "- The injection is given in the office"),
    ]
    pages = PageText(["\n".join(x.text for x in lines)])
    assert code_indications(lines, pages, []) is None


TRAILING_PARENS = """
# Brightwater Health Plan Medical Policy
# Coverage Position
The plan covers examplimab when the criteria for the use below are met. The words in parentheses say how many items are needed.
# A. Ulcerative colitis (Examplia)
Clinical criteria (must meet all):
 - Member is 18 years of age or older
 - Prior treatment (one required):
      - Inadequate response to mesalamine
      - Inadequate response to a corticosteroid
 - Safety screening (both required):
      - Negative tuberculosis test within 12 months
      - Hepatitis B screening is documented
 - Prescribed by a gastroenterologist
Initial approval: 6 months.
Reauthorization criteria (must meet all):
 - Fewer stools than at baseline
 - No serious infection since the last approval
Reauthorization approval: 12 months.
# B. Crohn disease (Examplia)
Clinical criteria (must meet all):
 - Member is 18 years of age or older
 - Disease activity (one required):
      - Fistula draining
      - Ulcers on colonoscopy
%%
 - Prescribed by a gastroenterologist
Approval: 6 months.
# Not Medically Necessary
Examplimab is not medically necessary in any of the following situations:
 - Use with another biologic drug
"""


def test_logic_in_a_trailing_parenthesis_under_condition_titles(tmp_path: Path) -> None:
    tree = _compile(TRAILING_PARENS, tmp_path)
    names = [i.name for i in tree.indications]
    # the brand after each condition's name is no part of it (indications.condition_name)
    assert names == ["Ulcerative colitis", "Crohn disease"]
    uc, cd = tree.indications
    assert [b.request_type for b in uc.branches] == ["initial", "continuation"]
    assert uc.branches[0].node.text == "Clinical criteria (must meet all):"
    assert _shape(uc.branches[0].node) == (
        "all_of",
        [
            "Member",
            ("any_of", ["Inadequate", "Inadequate"]),
            ("all_of", ["Negative", "Hepatitis"]),
            "Prescribed",
        ],
    )
    renewal = uc.branches[1].node
    assert _shape(renewal) == ("all_of", ["Fewer", "No"])
    # the approval line after the renewal list is no criterion's words
    assert renewal.leaves()[-1].text == "No serious infection since the last approval"
    # the list runs across the page break
    assert _shape(cd.branches[0].node) == (
        "all_of",
        ["Member", ("any_of", ["Fistula", "Ulcers"]), "Prescribed"],
    )
    assert [e.text for e in tree.exclusions] == ["Use with another biologic drug"]


def test_a_lead_in_under_a_numbered_criterion_titles_nothing() -> None:
    assert lead_in("Clinical criteria (must meet all):")
    assert lead_in("Evidence of rapid progression (one required):")
    assert lead_in("Liver safety (both required):")
    assert not lead_in("Diagnostic imaging:")
    # "1. Diagnosis of psoriasis" over its own lead-in, with no sibling title: a criterion
    lines = [
        Line(1, 0, "1. Plaque psoriasis"),
        Line(1, 0, "Documentation (one required):"),
        Line(1, 3, "- Biopsy"),
        Line(1, 0, "2. Prescribed by a dermatologist"),
    ]
    assert not titles_lead_in(lines, 0, [])
    lines[3] = Line(1, 0, "2. Psoriatic arthritis")
    assert titles_lead_in(lines, 0, [])


UNMARKED_TITLES = """
# Riverbend Health Medical Policy
# Criteria
Examplimab is covered when the items below are met. The parenthesis says how many are needed.
# Ulcerative Colitis
Initial criteria (all required):
 - Member is 18 years of age or older
 - Prior treatment (any one required):
      - Inadequate response to mesalamine
      - Inadequate response to a corticosteroid
 - Prescribed by a gastroenterologist
Renewal criteria (all required):
 - Fewer stools than at baseline
 - No serious infection since the last approval
# Crohn's Disease
Diagnosis and severity (at least two required):
 - Fistula draining
 - Ulcers on colonoscopy
 - CDAI above 220
# Exclusions
 - Use with another biologic drug
"""


def test_trailing_parentheses_under_headings_name_branches_and_counts(tmp_path: Path) -> None:
    tree = _compile(UNMARKED_TITLES, tmp_path)
    assert [i.name for i in tree.indications] == ["Ulcerative Colitis", "Crohn's Disease"]
    uc, cd = tree.indications
    assert [b.request_type for b in uc.branches] == ["initial", "continuation"]
    assert _shape(uc.branches[1].node) == ("all_of", ["Fewer", "No"])
    # "(at least two required)" over the condition's only list
    root = cd.branches[0].node
    assert (root.op, root.n) == ("at_least", 2)
    assert root.text == "Diagnosis and severity (at least two required):"
