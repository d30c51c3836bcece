"""A flowchart's boxes as list items (issue 25): a pathway drawn as one box per criterion,
joined by arrows labelled with their answers. In the layout text the arrow labels sit
between the boxes: a line of only the answer that moves on ("YES", "Yes ↓", "Y") before
each box, and at the right edge of a box the answer that stops ("NO   NOT APPROVED",
"No → Deny", "NO - STOP"), often run into the box's last word ("surgeonNO NOT APPROVED").

Read as such, each box set apart by a moving-on label and carrying a stop arrow is one
criterion: its first line is given a bullet (no gap before it: the boxes are one list
under the start box), its marked lines ("- proptosis ...") are set
under it, its run-on lines stay on it; the labels are dropped. A box with no stop arrow
(the start box stating the logic, the end box "APPROVE 8 infusions") is left as printed,
each set apart, so the start box reads as the lead-in over the boxes and the end box
ends them. Only a
page whose boxes carry at least two stop arrows is read this way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker

# the answer that moves on, alone on its line, an arrow glyph beside it
_GO_ON = re.compile(r"^[↓⬇→▼v|]?\s*(?:YES|Yes|Y)\s*[↓⬇→▼|]?$")
# the answer that stops, at a box's right edge, with where it leads: a refusal or a stop
_STOP = re.compile(
    r"(?:(?<=[a-z0-9).,%])|\s+)(?:NO|No|N)\s*(?:[-–—→>:]+\s*)?"
    r"(?:NOT\s+APPROVED|Not\s+approved|NOT\s+COVERED|Not\s+covered|DENY|Deny|DENIED|Denied|"
    r"DECLINE[D]?|Decline[d]?|STOP|Stop|END|End|REFER\w*|Refer\w*)\b[^a-z]*$"
)
_BULLET = "• "
_INDENT_UNDER = 3


def flowchart_boxes(lines: list[Line]) -> list[Line]:
    """The lines with a flowchart's boxes read as bulleted items, its arrow labels dropped;
    the lines as they were where no page draws such boxes."""
    stops = [k for k, line in enumerate(lines) if _STOP.search(line.text)]
    if len(stops) < 2 or not any(_GO_ON.match(line.text.strip()) for line in lines):
        return lines
    boxes = _boxes(lines)
    out: list[Line] = []
    for box in boxes:
        if _GO_ON.match(lines[box[0]].text.strip()):
            continue
        if not any(k in stops for k in box):
            # the start or end box, a heading, a note: a paragraph of its own
            out.append(replace(lines[box[0]], blank_before=True))
            out.extend(lines[k] for k in box[1:])
            continue
        first = lines[box[0]]
        for k in box:
            line = lines[k]
            text = _STOP.sub("", line.text).rstrip()
            if k == box[0]:
                line = replace(line, text=_BULLET + text, blank_before=False)
            elif _marker(text) is not None:
                line = replace(line, text=text, indent=first.indent + _INDENT_UNDER)
            else:
                line = replace(line, text=text, indent=first.indent, blank_before=False)
            out.append(line)
    return out


def _boxes(lines: list[Line]) -> list[list[int]]:
    """Runs of line indexes: a moving-on label is a run of its own; a box starts after one
    or at a new paragraph and runs to the next."""
    out: list[list[int]] = []
    after_label = False
    for k, line in enumerate(lines):
        label = bool(_GO_ON.match(line.text.strip()))
        if label or not out or after_label or line.blank_before:
            out.append([k])
        else:
            out[-1].append(k)
        after_label = label
    return out
