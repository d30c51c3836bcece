"""A heading drawn between rules of dashes, equals signs or underscores ("--------- COVERED
USES ---------", "==== RENEWAL ===="), as a prescribing-information highlights sheet and
plain-text bulletins set their sections: the heading's words, the rules dropped, so the
readers see the section title they know ("INITIAL AUTHORIZATION", "NOT COVERED")."""

from __future__ import annotations

import re

# three or more rule characters on both sides of a few words (a lone "- OR -" is logic, and
# stays as printed: it has one dash a side)
_RULED = re.compile(r"^(\s*)([-=_*~]{3,})[ \t]+(\S(?:.{0,78}\S)?)[ \t]+([-=_*~]{3,})\s*$")


def undecorated(line: str) -> str:
    """The line with the rules around its heading dropped, else the line as printed."""
    m = _RULED.match(line)
    if m is None or m.group(2)[0] != m.group(4)[0] or not re.search(r"[A-Za-z]", m.group(3)):
        return line
    # the heading keeps its place on the line (its indent centres it, as printed)
    return f"{m.group(1)}{' ' * len(m.group(2))} {m.group(3)}"


def unruled(lines: list[str]) -> list[str]:
    """The page's lines, each heading between rules set apart at the margin, a blank line
    before it: a title of its own, where its centring would read it as words run on from
    the item above ("... nabilone (4)" + "DOSAGE AND QUANTITY LIMITS")."""
    out: list[str] = []
    for line in lines:
        bare = undecorated(line)
        if bare is line:
            out.append(line)
        else:
            out += ["", bare.strip()]
    return out
