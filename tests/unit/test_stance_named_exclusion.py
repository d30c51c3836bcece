"""Stance readings that heldout14's reviews got wrong: a drug named only among what the
patients of a "preferred second-line agent" cannot take is that agent's first line, not
itself second line; and a guideline's word that it left the drug itself out ("X was not
included") keeps what it says of the drug's broad class from placing the drug (silent); and a
graded recommendation in the condition's own guideline may be quoted without naming the
condition (its guideline's title does)."""

from __future__ import annotations

from pipeline.draft.position import guideline_position, read_sentence
from pipeline.draft.quotable import why_not
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev
from tests.unit.test_stance_second_line_and_classes import case

ADD_CLASS = (
    "Addition of a bDMARD or tsDMARD is conditionally recommended over triple therapy for "
    "patients taking maximally tolerated doses of methotrexate who are not at target."
)


def test_a_drug_the_patients_cannot_take_is_not_the_second_line_agent() -> None:
    c = case("Allopurinol", "Gout", "M10.9")
    topic = case_topic(c)
    second = ev(
        2, "For patients unable to take allopurinol, the preferred second-line agent is febuxostat."
    )
    reading = read_sentence(second, topic)
    assert reading is not None and reading.kind == "other"
    endorsed = ev(
        1, "For patients with gout, we strongly recommend allopurinol as the first-line agent."
    )
    position, _ = guideline_position(c, topic, [endorsed, second], [], {})
    assert position.stance == "supports"
    # the agent itself, asked for, is still the second line
    febuxostat = case_topic(case("Febuxostat", "Gout", "M10.9"))
    reading = read_sentence(second, febuxostat)
    assert reading is not None and reading.kind == "second_line"
    assert [t.name for t in reading.preferred] == ["allopurinol"]


def test_a_drug_the_guideline_left_out_by_name_is_not_placed_by_its_class() -> None:
    c = case(
        "Sarilumab",
        "Rheumatoid arthritis",
        "M06.9",
    )
    c.history.append("2024-01-01 methotrexate 20 mg weekly; CDAI 24, not at target")
    topic = case_topic(c)
    added = ev(1, ADD_CLASS)
    assert read_sentence(added, topic).kind == "endorsed"  # type: ignore[union-attr]
    left_out = ev(
        2, "Sarilumab was not included because it was approved after the evidence review."
    )
    position, _ = guideline_position(c, topic, [added], [], {})
    assert position.stance != "silent"
    position, _ = guideline_position(c, topic, [added, left_out], [], {})
    assert position.stance == "silent"
    assert position.citations == ["E2.1"]


def test_a_left_out_drug_named_by_a_recommendation_is_still_placed() -> None:
    c = case("Sarilumab", "Rheumatoid arthritis", "M06.9")
    topic = case_topic(c)
    left_out = ev(2, "Sarilumab was not included in the pooled analysis of infections.")
    against = ev(1, "We recommend against sarilumab for patients with rheumatoid arthritis.")
    position, _ = guideline_position(c, topic, [against, left_out], [], {})
    assert position.stance == "not_recommended"


def test_a_graded_recommendation_of_the_condition_guideline_need_not_name_it() -> None:
    topic = case_topic(case("Allopurinol", "Gout", "M10.9"))
    rec = "We recommend against checking serum urate in every patient with a swollen toe."
    assert why_not(rec, topic) == "names neither the condition, the drug nor a therapy"
    assert why_not(rec, topic, condition_guideline=True) is None
    # a finding is no recommendation: it must still name what it is about
    finding = "Serum urate was checked in every patient with a swollen toe."
    assert why_not(finding, topic, condition_guideline=True) is not None


def test_a_footnote_mark_after_a_legend_starts_the_footnote_sentence() -> None:
    from pipeline.sources.chunk import sentence_spans

    text = (
        "RA = rheumatoid arthritis; tsDMARDs = targeted synthetic DMARDs. † Sarilumab was "
        "not included due to infrequent use. ‡ Per label."
    )
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans[1] == "† Sarilumab was not included due to infrequent use."
    assert len(spans) == 3
