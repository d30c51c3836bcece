"""Logic stated away from a list's lead-in (logic_notes.py): a note after the list that
names its items by number ("Criteria 1 through 4 must all be met; for criterion 2, either
2a or 2b is enough"), by count ("All three renewal criteria must be met") or not at all;
terse lead-ins that are a label and a logic word ("Prior therapy, One:", "Two or more:");
sub-items numbered after their item ("2a.", "3c)"); condition titles in sentence case over
their own numbered list; a criteria set's comma-separated title ("Drug, condition, initial
request, All:"); and a list with no logic anywhere still listed as a problem."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_names import comma_title
from pipeline.policy.list_labels import _marker, next_label
from pipeline.policy.logic_notes import is_logic_note, named_labels, note_logic, terse_logic
from tests.unit.test_policy_sections import _compile, _shape


def test_a_note_names_its_list_by_range_count_or_sub_labels() -> None:
    note = "Criteria 1 through 4 must all be met; for criterion 2, either 2a or 2b is enough."
    assert is_logic_note(note)
    assert note_logic([note], ["1", "2", "3", "4"]) == {"": ("all_of", 4), "2": ("any_of", 1)}
    # a range that is not this list's items says nothing of the list itself
    assert "" not in note_logic([note], ["1", "2", "3"])
    sub = "Criteria 1 to 3 must all be met; criterion 3 is met by any one of 3a, 3b or 3c."
    assert note_logic([sub], ["1", "2", "3"]) == {"": ("all_of", 3), "3": ("any_of", 1)}
    counted = "All three renewal criteria must be met. Approval: 6 months."
    assert note_logic([counted], ["1", "2", "3"]) == {"": ("all_of", 3)}
    assert note_logic([counted], ["1", "2", "3", "4"]) == {}
    assert note_logic(["At least two of criteria 1-4 must be met."], list("1234")) == {
        "": ("at_least", 2)
    }
    assert note_logic(["Criteria A through C must all be met."], list("ABC")) == {"": ("all_of", 3)}
    assert named_labels("criteria 2 through 5, and 5a or 5b") == {"2", "3", "4", "5", "5a", "5b"}


def test_criteria_themselves_are_no_logic_notes() -> None:
    for text in (
        "Member is 18 years of age or older",
        "Criteria for initial approval",
        "Diagnosis confirmed by biopsy; all lesions must be documented",
        "Prescribed by or in consultation with a hematologist",
        # lead-ins speak of what follows them
        "All of the following criteria must be met:",
        "Any one of the criteria below is enough",
    ):
        assert not is_logic_note(text), text


def test_terse_lead_ins_end_on_their_logic_word() -> None:
    assert terse_logic("Prior therapy, One:", 3) == ("any_of", 1)
    assert terse_logic("Supporting tests, Two or more:", 4) == ("at_least", 2)
    assert terse_logic("All:", 4) == ("all_of", 4)
    assert terse_logic("Drug, condition, initial request, All:", 5) == ("all_of", 5)
    assert terse_logic("Labs, at least three:", 5) == ("at_least", 3)
    # a lead-in that names no logic, and a sentence ending in a count
    assert terse_logic("Diagnostic imaging:", 2) is None
    assert terse_logic("The member has tried one:", 2) is None


def test_logic_words_after_a_preposition_or_opening_the_stem() -> None:
    # "..., with at least one of:", "shown by either:": the logic word after the stem
    assert terse_logic("The rash is widespread, with at least one of:", 3) == ("any_of", 1)
    assert terse_logic("Liver disease is shown by either:", 2) == ("any_of", 1)
    assert terse_logic("Relapse confirmed by two or more:", 3) == ("at_least", 2)
    # "At least one drug was tried first:": the count opens the stem and counts the items
    assert terse_logic("At least one drug was tried first:", 2) == ("any_of", 1)
    assert terse_logic("At least two scans show growth:", 3) == ("at_least", 2)
    # a term, not a count of the items
    assert terse_logic("At least 3 months of therapy with:", 2) is None
    assert terse_logic("At least one of the doses was given in clinic:", 2) is None


def test_sub_items_numbered_after_their_item() -> None:
    assert _marker("2a. HRCT shows a pattern") == ("numletter", "2a", "HRCT shows a pattern")
    assert _marker("3c) Worse symptoms") == ("numletter", "3c", "Worse symptoms")
    assert _marker("(3c) Worse symptoms") == ("parennumletter", "3c", "Worse symptoms")
    assert _marker("2.b. Worse symptoms") == ("numdotletter", "2.b", "Worse symptoms")
    assert _marker("12 months of therapy") is None
    assert next_label("2.a", "2.b") and not next_label("2.a", "3.b")
    assert next_label("2a", "2b") and not next_label("2a", "3b") and not next_label("2b", "2a")


def test_comma_titles_name_condition_and_branch() -> None:
    assert comma_title(
        "Ravulizumab, atypical hemolytic uremic syndrome, initial request, All:"
    ) == (
        "Atypical hemolytic uremic syndrome",
        "initial",
    )
    assert comma_title("Ravulizumab, paroxysmal nocturnal hemoglobinuria, renewal, All:") == (
        "Paroxysmal nocturnal hemoglobinuria",
        "continuation",
    )
    assert comma_title("Prior therapy, One:") is None
    assert comma_title("Ravulizumab, adults, initial request, All:") is None  # names no condition


TRAILING_NOTES = """
# Coverage criteria
Each use lists numbered criteria; the line under each list says how many must be met.
# A. Pulmonary arterial hypertension (PAH)
   1. Diagnosis of pulmonary arterial hypertension confirmed by right heart catheterization
   2. Functional status:
        2a. WHO functional class II or III symptoms
        2b. Six-minute walk distance below 440 meters
   3. Prescribed by or in consultation with a cardiologist or a pulmonologist
   Criteria 1 through 3 must all be met; for criterion 2, either 2a or 2b is enough.
# B. Chronic thromboembolic pulmonary hypertension (CTEPH)
   1. Diagnosis of chronic thromboembolic pulmonary hypertension
   2. Not a candidate for surgery, shown by:
        2a. Inoperable disease on the surgical review
        2b. Persistent disease after pulmonary endarterectomy
%%
        2c. Refused surgery after counselling
   3. Prescribed by a cardiologist
   Criteria 1 through 3 must all be met; criterion 2 is met by any one of 2a, 2b or 2c.
# C. Renewal of therapy (all uses)
   1. The member has taken the drug for at least 6 months
   2. The prescriber reports a stable or better functional class
   3. No new liver injury
   All three renewal criteria must be met. Approval: 12 months.
# D. Other pulmonary hypertension (PH)
   1. Diagnosis of pulmonary hypertension from left heart disease
   2. Prescribed by a cardiologist
# Not covered
This plan does not cover the drug for:
   - Pulmonary hypertension from lung disease
"""


def test_notes_after_lists_give_the_logic_and_renewal_serves_every_use(tmp_path: Path) -> None:
    tree = _compile(TRAILING_NOTES, tmp_path)
    names = [i.name for i in tree.indications]
    assert names[:2] == [
        "Pulmonary arterial hypertension (PAH)",
        "Chronic thromboembolic pulmonary hypertension (CTEPH)",
    ]
    pah, cteph = tree.indications[:2]
    assert [b.request_type for b in pah.branches] == ["initial", "continuation"]
    assert _shape(pah.branches[0].node) == (
        "all_of",
        ["Diagnosis", ("any_of", ["WHO", "Six-minute"]), "Prescribed"],
    )
    # the sub-list runs across the page break; the note is on the next page
    assert _shape(cteph.branches[0].node) == (
        "all_of",
        ["Diagnosis", ("any_of", ["Inoperable", "Persistent", "Refused"]), "Prescribed"],
    )
    # the note is no criterion's words
    assert all("must all be met" not in leaf.text for leaf in pah.branches[0].node.leaves())
    renewal = cteph.branches[1].node
    assert renewal.op == "all_of" and len(renewal.children) == 3
    assert cteph.branches[1].approval == "12 months"  # "... must be met. Approval: 12 months."
    # the one list with no logic anywhere is still listed as a problem, with its page
    unstated = [p for p in tree.problems if "no combining logic" in p]
    assert len(unstated) == 1
    assert unstated[0].startswith("page 2:") and "Other pulmonary hypertension" in unstated[0]


SUBSETS = """
# Criteria subsets
A line ending in "All:" needs every item under it; "One:" needs any one; "Two or more:" needs two.
Ravulizumab, paroxysmal nocturnal hemoglobinuria, initial request, All:
 - Age 18 years or older
 - Flow cytometry shows a PNH clone of 10% or more
 - Evidence of hemolysis, Two or more:
      o LDH at least 1.5 times the upper limit of normal
      o Haptoglobin below normal
      o Reticulocytes above normal
 - Prescribed by a hematologist
Approval length: 6 months
# Ravulizumab, paroxysmal nocturnal hemoglobinuria, continuation, All:
 - LDH lower than before the first dose
 - Fewer transfusions than before the first dose
# Approval length: 12 months
# Ravulizumab, atypical hemolytic uremic syndrome, initial request,
All:
 - Thrombotic microangiopathy with a normal ADAMTS13 activity
 - Prior therapy, One:
      o Plasma exchange without response
%%
      o Plasma exchange not tolerated
 - Prescribed by a nephrologist or a hematologist
# Not met by these subsets
 - Shiga toxin-producing E. coli hemolytic uremic syndrome
"""


def test_criteria_subsets_with_terse_lead_ins(tmp_path: Path) -> None:
    tree = _compile(SUBSETS, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["Paroxysmal nocturnal hemoglobinuria", "Atypical hemolytic uremic syndrome"]
    pnh, ahus = tree.indications
    assert [b.request_type for b in pnh.branches] == ["initial", "continuation"]
    initial = pnh.branches[0].node
    assert _shape(initial) == (
        "all_of",
        ["Age", "Flow", ("at_least", ["LDH", "Haptoglobin", "Reticulocytes"]), "Prescribed"],
    )
    assert initial.children[2].n == 2
    # "Approval length" lines, one set apart: each branch's approval, no heading
    assert [b.approval for b in pnh.branches] == ["6 months", "12 months"]
    # the title wrapped onto its own next line; the "One:" group runs across the page break
    assert _shape(ahus.branches[0].node) == (
        "all_of",
        ["Thrombotic", ("any_of", ["Plasma", "Plasma"]), "Prescribed"],
    )
    assert [e.text for e in tree.exclusions] == [
        "Shiga toxin-producing E. coli hemolytic uremic syndrome"
    ]
    assert not any("no combining logic" in p for p in tree.problems)


ONE_LIST = """
# Drug X coverage
# Criteria for Approval
 1. Member is 18 years of age or older
 2. Diagnosis of moderate to severe plaque psoriasis
 3. Previous treatment:
      3a. Methotrexate for at least 3 months
      3b. Phototherapy for at least 12 weeks
 4. Prescribed by a dermatologist
 Note: Criteria 1 through 4 must all be met; for criterion 3, either 3a or 3b is enough.
# References
 1. Label.
"""


def test_a_note_under_a_headed_list_at_the_root(tmp_path: Path) -> None:
    # the list is the section's own (no statement over it): the note still gives its logic
    tree = _compile(ONE_LIST, tmp_path)
    (ind,) = tree.indications
    assert _shape(ind.branches[0].node) == (
        "all_of",
        ["Member", "Diagnosis", ("any_of", ["Methotrexate", "Phototherapy"]), "Prescribed"],
    )
    assert not any("no combining logic" in p for p in tree.problems)


def test_lead_ins_with_the_logic_in_brackets_or_before_of() -> None:
    assert terse_logic("Prior therapy (one required):", 3) == ("any_of", 1)
    assert terse_logic("Supportive findings (2 or more):", 4) == ("at_least", 2)
    assert terse_logic("Findings (any two):", 4) == ("at_least", 2)
    assert terse_logic("One of:", 2) == ("any_of", 1)
    assert terse_logic("Labs (all required):", 3) == ("all_of", 3)
    assert terse_logic("Documentation of one of:", 2) is None  # left to the lead-in reader


NAMED_RENEWAL = """
# Approval criteria
# A. Chronic migraine
   1. Diagnosis of chronic migraine with 15 or more headache days a month
   2. Earlier preventive treatment:
        2.a. Topiramate for at least 8 weeks
        2.b. Propranolol for at least 8 weeks
   All criteria in this list must be met; for criterion 2, either 2.a or 2.b is enough.
# B. Episodic cluster headache
   1. Diagnosis of episodic cluster headache
   2. Prescribed by a neurologist
   Both criteria must be met.
# Renewal of therapy (uses A and B)
   1. Fewer headache days than before treatment
   2. No medication overuse headache
   Criteria 1 and 2 must both be met.
"""


def test_dotted_sub_items_and_a_renewal_naming_the_uses_it_serves(tmp_path: Path) -> None:
    tree = _compile(NAMED_RENEWAL, tmp_path)
    assert [i.name for i in tree.indications] == ["Chronic migraine", "Episodic cluster headache"]
    migraine, cluster = tree.indications
    assert _shape(migraine.branches[0].node) == (
        "all_of",
        ["Diagnosis", ("any_of", ["Topiramate", "Propranolol"])],
    )
    for ind in (migraine, cluster):
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert _shape(ind.branches[1].node) == ("all_of", ["Fewer", "No"])
    assert not any("no combining logic" in p for p in tree.problems)
