"""A list marker printed alone on its line, its text on the next line further right (a page
turn between them, or a marker cell set apart from its text): one item, "g." + "Prescriber
is a nephrologist." read as "g. Prescriber is a nephrologist."."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # layout_text calls this module: no import of it at run time
    from pipeline.policy.layout_text import Line

_LONE = re.compile(r"^\(?(?:[a-z]|[A-Z]|\d{1,2}|[ivx]{1,4})[.)]$")


def join_lone_markers(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            nxt is not None
            and _LONE.match(line.text.strip())
            and nxt.indent > line.indent
            and nxt.text[:1].isupper()
            and not _LONE.match(nxt.text.split()[0])
        ):
            out.append(replace(line, text=f"{line.text.strip()} {nxt.text.strip()}"))
            k += 2
            continue
        out.append(line)
        k += 1
    return out
