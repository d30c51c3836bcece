"""Headings repeated at the top of a page with "(continued)": the section runs on, so the
repeat is dropped and the list under it joins the list before the page break."""

from __future__ import annotations

import re

from pipeline.policy.outline import Line

_CONTINUED = re.compile(r"^(.*?\S)\s*[(\[]?\s*(?:continued|cont'?d\.?|cont\.)\s*[)\]]?\s*$", re.I)
_TOP = 3  # a repeated heading sits among the first lines under the running header


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def drop_continued(lines: list[Line]) -> list[Line]:
    """The lines without a heading that repeats an earlier line with "(continued)" near
    the top of a page; the line after it takes its place at the page's top."""
    seen: set[str] = set()
    out: list[Line] = []
    page, rank = 0, 0
    carry = False
    for line in lines:
        if line.page != page:
            page, rank = line.page, 0
        rank += 1
        m = _CONTINUED.match(line.text)
        if m and rank <= _TOP and _key(m.group(1)) in seen:
            carry = True
            continue
        if carry:
            line.page_start, line.blank_before, carry = True, False, False
        seen.add(_key(line.text))
        out.append(line)
    return out
