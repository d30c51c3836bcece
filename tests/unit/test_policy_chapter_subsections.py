"""Conditions in "N-M" sub-sections of numbered chapters, continuations in a later chapter
tied back by condition or sub-number (chapter_subsections.py)."""

from __future__ import annotations

from pipeline.policy.chapter_subsections import chapter_indications
from pipeline.policy.layout_text import Line
from pipeline.policy.verbatim import PageText


def _lines(rows: list[tuple[int, str]]) -> list[Line]:
    return [Line(1, indent, text) for indent, text in rows]


def _read(rows: list[tuple[int, str]]):
    lines = _lines(rows)
    pages = PageText(["\n".join(x.text for x in lines)])
    return chapter_indications(lines, pages, [])


def _leaves(ind, kind: str) -> list[str]:
    branch = next(b for b in ind.branches if b.request_type == kind)
    return [leaf.text for leaf in branch.node.leaves()]


_GUIDE = [
    (0, "Appropriate Use Guide"),
    (0, "Dupilumab 300 mg for subcutaneous injection"),
    (0, "1. Purpose"),
    (0, "This guide sets out the patients for whom the fund considers use appropriate."),
    (0, "2. Prescriber requirements (apply to every patient in chapter 3)"),
    (4, "(1) The prescriber is a dermatologist or an allergist."),
    (4, "(2) The clinic can monitor for conjunctivitis."),
    (0, "3. Patients eligible for treatment"),
    (0, "3-1 Atopic dermatitis"),
    (0, "Use in patients who meet all of (1) to (3) below, together with chapter 2."),
    (4, "(1) Eczema area and severity index of 16 or more."),
    (4, "(2) Age 6 months or older."),
    (4, "(3) Topical corticosteroids failed for 4 weeks."),
    (0, "3-2 Eosinophilic esophagitis"),
    (0, "Use in patients who meet all of (1) and (2) below."),
    (4, "(1) 15 or more eosinophils per high-power field on biopsy."),
    (4, "(2) Weight 40 kg or more."),
    (0, "4. Renewal of treatment"),
    (0, "4-1 Eczema: renew for 12 months when both of the following are confirmed."),
    (4, "(1) The eczema area and severity index has fallen by half."),
    (4, "(2) No serious conjunctivitis."),
    (0, "4-2 Eosinophilic esophagitis: renew for 12 months when the following is confirmed."),
    (4, "(1) Fewer eosinophils on a repeat biopsy."),
    (0, "5. Dosage"),
    (0, "300 mg every 2 weeks."),
]


def test_sub_sections_name_their_conditions_and_a_later_chapter_continues_them() -> None:
    read = _read(_GUIDE)
    assert read is not None
    inds, used = read
    assert [i.name for i in inds] == ["Atopic dermatitis", "Eosinophilic esophagitis"]
    derm, eoe = inds
    # the sub-section's own items as its lead-in lists them, then the shared chapter's
    assert _leaves(derm, "initial") == [
        "Eczema area and severity index of 16 or more.",
        "Age 6 months or older.",
        "Topical corticosteroids failed for 4 weeks.",
        "The prescriber is a dermatologist or an allergist.",
        "The clinic can monitor for conjunctivitis.",
    ]
    assert _leaves(eoe, "initial")[0].startswith("15 or more eosinophils")
    # "4-1 Eczema" shares no condition word with "Atopic dermatitis": tied back by its
    # sub-number; "4-2" by the condition it names
    assert _leaves(derm, "continuation") == [
        "The eczema area and severity index has fallen by half.",
        "No serious conjunctivitis.",
    ]
    assert _leaves(eoe, "continuation") == ["Fewer eosinophils on a repeat biopsy."]
    # the purpose and dosage chapters stay for the rest of the policy
    assert 3 not in used and len(_GUIDE) - 1 not in used


def test_sub_sections_naming_no_condition_are_no_indications() -> None:
    rows = [
        (0, "2. Eligible patients"),
        (0, "2-1 Adults"),
        (0, "Use in patients who meet all of the following."),
        (4, "(1) Age 18 years or older."),
        (0, "2-2 Dupilumab 300 mg pen"),
        (4, "(1) Weight 40 kg or more."),
        (0, "2-3 Initial approval: 6 months"),
        (4, "(1) A prescription from a specialist."),
        (0, "3. Renewal"),
        (0, "3-1 Continued use: renew for 12 months when the following is confirmed."),
        (4, "(1) A response."),
    ]
    assert _read(rows) is None


def test_a_continuation_alone_or_a_title_with_no_list_is_no_reading() -> None:
    rows = [
        (0, "4. Points to note on continued administration"),
        (0, "4-1 Psoriasis: continue for 12 months when both of the following are met."),
        (4, "(1) PASI 75 response."),
        (4, "(2) No serious infection."),
        (0, "5-1 Asthma"),
        (0, "5. Dosage"),
    ]
    assert _read(rows) is None
