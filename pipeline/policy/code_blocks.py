"""Numbered code blocks: a formulary's "Reason for use code 451 - Condition, initial" (or
"Criteria code 12 - ...", "Code 7: ...") lines at the margin, each over one prose sentence
that carries the logic ("For the treatment of X in patients who meet all of the following
criteria:") and the items under it, with an "Authorization period:" line after them.

Each block is an indication named after its code line, its branch the code line's last
words ("..., initial" / "..., renewal") or its sentence ("Renewal of funding ..."). A
renewal block continues the block it cites by code ("approved under reason for use code
451"), else the earlier block of the same condition. A block with no list under it (a code
listed as not funded) is an indication with no criteria: a review that matches it finds
no criteria and decides nothing. The blocks are read only where at least two carry
criteria, so a code table's single line ("Procedure code 67028 - ...") is never one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _BRANCH_CONTINUED, _branch_kind
from pipeline.policy.condition_vocabulary import words_of
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _heading, _listed, _root, _stop

# "Reason for use code 451 - Neovascular AMD, initial", "Criteria code 12: Asthma"
_CODE_LINE = re.compile(
    r"^(?:[A-Z][\w-]*\s+(?:[a-zA-Z-]+\s+){0,3}?)?(?:[Cc]ode|CODE)\s*(?:no\.?\s*|#\s*)?(\d{1,5}[A-Z]?)"
    r"\s*[-–—:]\s+([A-Za-z(].{2,150})$"
)
# the branch word closing a code line's name: ", initial", " - renewal", " (renewal)"
_NAME_TAIL = re.compile(r"(?:\s*,\s*|\s+[-–—]\s+|\s*\(\s*)([^,()\-–—]{3,40}?)\s*\)?\s*$")
_CITES = re.compile(r"\bcodes?\s*(?:no\.?\s*|#\s*)?(\d{1,5}[A-Z]?)\b", re.I)


@dataclass
class _Block:
    code: str
    name: str
    kind: str  # initial / continuation / any
    title: Line
    lines: list[Line] = field(default_factory=list)


def code_line(line: Line) -> tuple[str, str] | None:
    """(code, name) of a block's code line at the margin; None for any other line."""
    m = _CODE_LINE.match(line.text.strip())
    if m is None or line.indent > 4 or m.group(2).rstrip().endswith((".", ";", ":")):
        return None
    return m.group(1), m.group(2).strip()


def _name_and_kind(name: str) -> tuple[str, str]:
    m = _NAME_TAIL.search(name)
    if m is not None and (kind := _branch_kind(m.group(1))) is not None:
        return name[: m.start()].strip(), kind[0]
    return name, "any"


def read_blocks(lines: list[Line]) -> tuple[list[_Block], set[int]]:
    """The code blocks and the indices of the lines they hold; a block ends at the next
    code line or at a section heading that closes criteria (exclusions, notes, dosing)."""
    blocks: list[_Block] = []
    used: set[int] = set()
    current: _Block | None = None
    for at, line in enumerate(lines):
        if (found := code_line(line)) is not None:
            name, kind = _name_and_kind(found[1])
            current = _Block(found[0], name, kind, line)
            blocks.append(current)
            used.add(at)
            continue
        if current is None:
            continue
        head = _heading(line) if not _listed(line) else None
        if head is not None and (line.blank_before or line.page_start) and _stop(head):
            current = None
            continue
        current.lines.append(line)
        used.add(at)
    return blocks, used


def _kind(block: _Block) -> str:
    if block.kind != "any":
        return block.kind
    first = next((x.text for x in block.lines), "")
    return "continuation" if _BRANCH_CONTINUED.match(first) else "any"


def _same_condition(a: str, b: str) -> bool:
    return bool(words_of(a)) and words_of(a) == words_of(b)


def code_indications(
    lines: list[Line], pages, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read code block by code block, or None where fewer than two blocks
    carry criteria (the other readers then read the policy)."""
    blocks, used = read_blocks(lines)
    local: list[str] = []
    read: list[tuple[_Block, str, Branch | None]] = []
    for block in blocks:
        kind = _kind(block)
        b = _Branch(kind, block.title, lines=block.lines)
        node = _root(b, f"{block.code}.{kind}", pages, local) if block.lines else None
        branch = None
        if node is not None and node.children:
            branch = Branch(request_type=kind, approval=b.approval, node=node)  # type: ignore[arg-type]
        read.append((block, kind, branch))
    if sum(branch is not None for _, _, branch in read) < 2:
        return None
    out: list[Indication] = []
    by_code: dict[str, Indication] = {}
    for block, kind, branch in read:
        into = _continues(block, kind, branch, by_code, out)
        if into is not None and branch is not None:
            into.branches.append(branch)
            by_code[block.code] = into
            continue
        ind = Indication(
            id=block.code,
            name=block.name,
            text=block.title.text,
            page=block.title.page,
            icd10=F.icd10_codes(block.name),
            section=block.title.text,
            request_type="any",
            branches=[branch] if branch is not None else [],
        )
        out.append(ind)
        by_code[block.code] = ind
    for ind in out:
        if any(b.request_type == "continuation" for b in ind.branches):
            for b in ind.branches:
                if b.request_type == "any":
                    b.request_type = "initial"
    problems.extend(local)
    return out, used


def _continues(
    block: _Block,
    kind: str,
    branch: Branch | None,
    by_code: dict[str, Indication],
    out: list[Indication],
) -> Indication | None:
    """The indication a renewal block continues: the one whose code its words cite, else
    the last one read of the same condition, with no continuation branch yet."""
    if kind != "continuation" or branch is None:
        return None
    text = " ".join(n.text for n in branch.node.nodes())
    for m in _CITES.finditer(text):
        if m.group(1) != block.code and m.group(1) in by_code:
            return by_code[m.group(1)]
    for ind in reversed(out):
        if _same_condition(ind.name, block.name) and not any(
            b.request_type == "continuation" for b in ind.branches
        ):
            return ind
    return None
