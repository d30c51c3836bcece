"""Instruction-like text in source documents (OWASP LLM01: prompt injection).

Passages are always sent to the model as fenced, quoted data. Passages that read like
instructions to a model, or carry citation markers of our own format, are flagged at ingest;
the validator does not let a flagged passage support a statement, and the review's provenance
lists them, so such text can neither add a supported claim nor move the verdict.
"""

from __future__ import annotations

import re

_PATTERNS: dict[str, re.Pattern[str]] = {
    "override": re.compile(
        r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|above|"
        r"previous|prior)\b",
        re.I,
    ),
    "role": re.compile(
        r"\b(you are now|act as|system prompt|as an ai\b|assistant\s*:|"
        r"developer message)",
        re.I,
    ),
    "verdict_command": re.compile(
        r"\b(approve|deny|authori[sz]e)\b.{0,30}\b(this|the|all|every)\b.{0,30}"
        r"\b(request|claim|case|review|authori[sz]ation)s?\b",
        re.I,
    ),
    "fake_citation": re.compile(r"\[(?:E\d+(?:\.\d+)?|F\d+)\]|<<<|>>>"),
}


def instruction_flags(text: str) -> list[str]:
    """Names of the instruction-like patterns found in text (empty when clean)."""
    return [name for name, pattern in _PATTERNS.items() if pattern.search(text)]


def quote_for_prompt(text: str) -> str:
    """The passage as shown to the model: fences and our id markers defused, so a document
    cannot close its quote or pose as another passage. Evidence itself stays verbatim."""
    text = text.replace("<<<", "‹‹‹").replace(">>>", "›››")
    return re.sub(r"\[((?:E\d+(?:\.\d+)?|F\d+))\]", r"(\1)", text)
