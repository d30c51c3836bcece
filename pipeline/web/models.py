"""Request bodies of the API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class StatementEdit(BaseModel):
    section: str
    index: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=2000)
    citations: list[str] = Field(default_factory=list, max_length=6)
    version: int = Field(ge=1, description="the record version this edit was made on")


class Approval(BaseModel):
    version: int = Field(ge=1, description="the record version being approved")
    note: str | None = Field(None, max_length=2000)
    override_reason: str | None = Field(
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
    note: str | None = Field(None, max_length=2000)
    version: int = Field(ge=1)
