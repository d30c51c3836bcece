"""A recommendation whose subject is a pronoun ("we strongly recommended against their
use") is read with what the nearest sentence before it names; a form of the condition
written "<noun> of the <part>" is the vocabulary's "<part> <noun>"."""

from __future__ import annotations

from pipeline.draft.anaphora import referent, written_out
from pipeline.retrieve.topic import _inverted


def test_a_pronoun_stands_for_the_therapies_the_nearest_sentence_before_names() -> None:
    before = [
        "Tumor necrosis factor inhibitors are strongly recommended against in hand OA.",
        "Efficacy has not been demonstrated, including in erosive hand OA.",
    ]
    text = (
        "Therefore, given their known risks of toxicity, we strongly recommended against their use."
    )
    refers = referent(text, before)
    assert "tnf inhibitor" in refers.lower()
    assert "against the use of" in written_out(text, refers)
    # a sentence that names its drug, or no pronoun: nothing to write out
    assert referent("We recommend against adalimumab; its use is not advised.", before) == ""
    assert referent("Exercise is strongly recommended.", before) == ""
    assert referent(text, ["Efficacy has not been demonstrated."]) == ""


def test_a_form_written_noun_of_the_part_is_also_part_noun() -> None:
    assert "hand osteoarthritis" in _inverted("Erosive osteoarthritis of the hands")
    assert _inverted("Rheumatoid arthritis") == "Rheumatoid arthritis"
