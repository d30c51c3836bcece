"""Drug classes a policy counts trials of: proton pump inhibitors, angiotensin receptor
blockers and ACE inhibitors, each drug under its own class only (an ARB is no ACE inhibitor)."""

from __future__ import annotations

from pipeline.terms import drug_classes, vocabulary


def _classes(name: str) -> tuple[str, ...]:
    return next(t.classes for t in vocabulary()[0] if t.name == name)


def test_acid_and_raas_classes() -> None:
    assert {"proton pump inhibitor", "angiotensin receptor blocker", "ace inhibitor"} <= set(
        drug_classes()
    )
    assert _classes("omeprazole") == ("proton pump inhibitor",)
    assert _classes("pantoprazole") == ("proton pump inhibitor",)
    assert _classes("losartan") == ("angiotensin receptor blocker",)
    assert _classes("lisinopril") == ("ace inhibitor",)
    assert "ace inhibitor" not in _classes("losartan")
