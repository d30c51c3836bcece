"""Request bodies of the API."""

from __future__ import annotations

from pydantic import BaseModel, Field


class StatementEdit(BaseModel):
    section: str
    index: int = Field(ge=0)
    text: str = Field(min_length=1, max_length=2000)
    citations: list[str] = Field(default_factory=list, max_length=6)


class Approval(BaseModel):
    note: str | None = None
