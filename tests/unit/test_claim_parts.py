"""A statement that bundles claims is judged claim by claim; a criterion must be stated whole."""

from __future__ import annotations

from pipeline.check.judge import SupportJudge, claim_parts
from pipeline.check.validate import support_problems


def test_claims_split_at_sentences_semicolons_and_joined_clauses_but_not_lists() -> None:
    assert claim_parts(
        "The guideline recommends DMARDs, glucocorticoids, and NSAIDs for active arthritis."
    ) == ["The guideline recommends DMARDs, glucocorticoids, and NSAIDs for active arthritis."]
    assert claim_parts(
        "Methotrexate is recommended as initial therapy; IVIG is not recommended for JIA."
    ) == ["Methotrexate is recommended as initial therapy", "IVIG is not recommended for JIA."]
    assert claim_parts(
        "IVIG is approved for Kawasaki disease, but its use in JIA is not supported by trials."
    ) == ["IVIG is approved for Kawasaki disease", "but its use in JIA is not supported by trials."]
    assert claim_parts(
        "Diagnosis of JIA confirmed by a rheumatologist. Trial of methotrexate for 3 months."
    ) == ["Diagnosis of JIA confirmed by a rheumatologist.", "Trial of methotrexate for 3 months."]
    # A fragment too small to be a claim stays with its neighbour (abbreviations, "Done.").
    assert claim_parts("Dose e.g. 3 months. Done.") == ["Dose e.g. 3 months. Done."]


class ScriptedJudge(SupportJudge):
    """Scores by a table keyed by the claim part, as a trained judge would."""

    def __init__(self, table: dict[str, float]) -> None:
        super().__init__()  # no weights: the coverage bar, 0.5
        self.table = table

    def scores(self, pairs):  # noqa: ANN001, ANN201
        return [self.table[claim] for claim, _ in pairs]


CITED = "Methotrexate is recommended as initial therapy for children with polyarthritis."


def test_a_bundled_statement_fails_on_its_unsupported_part_only() -> None:
    claim = "Methotrexate is recommended as initial therapy; IVIG is recommended for JIA."
    parts = claim_parts(claim)
    judge = ScriptedJudge({parts[0]: 0.9, parts[1]: 0.2})
    problems = support_problems(judge, CITED, parts, [0.9, 0.2])
    assert problems == [f"support judge: 0.20 < 0.50 for its part {parts[1]!r}"]
    # Judged whole (as before), the good half would have carried the bad one through.
    assert support_problems(judge, CITED, [claim], [0.7]) == []


def test_a_criterion_its_cited_sentence_states_only_in_part_is_not_valid() -> None:
    criterion = (
        "Methotrexate was tried as initial therapy. "
        "Adalimumab trough levels were measured before dose escalation."
    )
    parts = claim_parts(criterion)
    assert len(parts) == 2
    # Even where a lenient judge passes both parts, the second is not in the cited text.
    problems = support_problems(ScriptedJudge({}), CITED, parts, [0.9, 0.6], True)
    assert problems == [f"the cited sentences do not state its part {parts[1]!r}"]
    # A statement is not held to that: the judge's verdict stands.
    assert support_problems(ScriptedJudge({}), CITED, parts, [0.9, 0.6]) == []
    # A criterion that restates its source passes whole.
    assert support_problems(ScriptedJudge({}), CITED, [CITED], [0.1], True) == []


def test_validation_judges_a_bundled_paraphrase_by_parts_and_a_restatement_whole() -> None:
    from pipeline.check.validate import validate
    from tests.unit.test_draft_validate import _ev, _review

    source = "Methotrexate is recommended as initial therapy; IVIG is not recommended for JIA."
    bundled = "Methotrexate is recommended as initial therapy; IVIG helps every child with JIA."
    first, second = claim_parts(bundled)
    # The scripted judge knows only these texts: judging anything else would fail the test.
    judge = ScriptedJudge({source: 0.9, first: 0.95, second: 0.2})
    review = validate(
        _review([_ev(source)], [(source, ["E1.1"], None), (bundled, ["E1.1"], None)]),
        verify_sources=False,
        judge=judge,
    )
    whole, parts = review.sections[0].statements
    assert whole.supported and whole.support_score == 0.9
    assert not parts.supported and parts.support_score == 0.2
    assert f"support judge: 0.20 < 0.50 for its part {second!r}" in parts.problems
