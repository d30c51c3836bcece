"""Request bodies of the API."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

_NOT_TEXT = re.compile(r"[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text_only(value: str) -> str:
    """Refuse characters no document can hold (lone surrogates such as \\ud800, U+FFFE and
    other noncharacters, control characters): stored, they broke the DOCX export."""
    bad = _NOT_TEXT.search(value)
    if bad:
        raise ValueError(
            f"holds a character that is not text (U+{ord(bad.group()):04X}); remove it"
        )
    return value


Text = Annotated[str, AfterValidator(_text_only)]


class StatementEdit(BaseModel):
    section: Text
    index: int = Field(ge=0)
    text: Text = Field(min_length=1, max_length=2000)
    citations: list[Text] = Field(default_factory=list, max_length=6)
    version: int = Field(ge=1, description="the record version this edit was made on")


class Approval(BaseModel):
    version: int = Field(ge=1, description="the record version being approved")
    note: Text | None = Field(None, max_length=2000)
    override_reason: Text | None = Field(
        None,
        min_length=10,
        max_length=2000,
        description="required to approve a review whose validation is not clean",
    )


class StatementLabel(BaseModel):
    """A QA reviewer's verdict on one statement, at the version they read."""

    section: str
    index: int = Field(ge=0)
    label: Literal["supported", "not_supported", "partial"]
    note: Text | None = Field(None, max_length=2000)
    version: int = Field(ge=1)
