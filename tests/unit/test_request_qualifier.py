"""A request that is no drug is placed by the class its own name gives after a comma
("Yellow fever vaccine, live attenuated"): those sentences are the request's, not another
item's, and "deferring" that class is advice against giving it now."""

from __future__ import annotations

from pipeline.draft.graded import graded_key
from pipeline.draft.position import read_sentence
from pipeline.retrieve.request_qualifier import qualifier_classes
from pipeline.retrieve.requests import request_kind
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev
from tests.unit.test_request_kinds import vaccine_case

LIVE = "Measles vaccine, live attenuated (M-Vax)"  # an invented product of a live class


def live_case():  # noqa: ANN201
    case = vaccine_case().model_copy(deep=True)
    case.requested_treatment.drug = LIVE
    return case


def test_the_class_after_the_comma() -> None:
    kind = request_kind(LIVE)
    assert "live attenuated vaccin" in qualifier_classes(LIVE, kind)
    assert "live attenuated virus vaccin" in qualifier_classes(LIVE, kind)
    assert qualifier_classes("Recombinant zoster vaccine (Shingrix)", kind) == ()
    assert qualifier_classes("Zoster vaccine, 0.5 ml", kind) == ()  # a dose, no class
    assert qualifier_classes("Adalimumab, biosimilar", None) == ()  # a drug: its vocabulary


def test_its_class_is_no_other_item_and_non_live_is_not_it() -> None:
    topic = case_topic(live_case())
    assert not topic.names_other_item("Deferring live attenuated vaccines is recommended.")
    assert not topic.names_other_item("Hold it 4 weeks after live attenuated virus vaccination.")
    assert topic.names_other_item("Holding methotrexate after influenza vaccination is advised.")
    assert topic.names_class("a hold before live attenuated vaccine administration")
    assert not topic.names_class("giving non–live attenuated vaccinations is recommended")
    text = (
        "For patients with RMD who are taking immunosuppressive medication, deferring live "
        "attenuated vaccines is conditionally recommended."
    )
    assert graded_key(text, topic)[0] == 3  # it places the request: listed first


def test_deferring_the_request_is_advice_against_it_now() -> None:
    topic = case_topic(live_case())
    text = (
        "For patients with RMD who are taking immunosuppressive medication, deferring live "
        "attenuated vaccines is conditionally recommended."
    )
    reading = read_sentence(ev(1, text), topic)
    assert reading is not None and reading.kind == "against"
    # giving it is what is advised: endorsed, as before
    giving = "For patients with RMD, giving live attenuated vaccines is conditionally recommended."
    reading = read_sentence(ev(2, giving), topic)
    assert reading is not None and reading.kind == "endorsed"
