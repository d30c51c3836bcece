"""Item lists under a run-in sentence that names the branch and its duration: a newsletter's
bold "First approval (3 months). We approve X for Y when the member:" / "Extension (12
months at a time). We keep approving it ... when the member:", a slide's "Drug, first
request (12 months). Approve if ALL:" over its bullets.

The sentence opens with a branch name (optionally after its subject and a comma) and a
duration in parentheses, and ends with a colon over marked items. The indication is the
short heading right above the sentence (a column's "Tardive dyskinesia", a slide's title
"Drug - initial" without its request type); a sentence with no heading above it continues
the indication read before it. A heading that names only drugs is put under the condition
the document's title names ("Acromegaly therapies" over slides titled by drug). A list runs
on past a "Continued on page N" jump line to its "(continued from page N)" rest. The lines
read are returned so the rest of the policy (exclusions, scope) is read without them.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.asked_condition import first_asked_condition, granted_for
from pipeline.policy.branch_names import (
    _BRANCH_CONTINUED,
    _BRANCH_INITIAL,
    _branch_kind,
    title_kind,
    title_parts,
)
from pipeline.policy.condition_vocabulary import DOCUMENT_WORDS, PAREN, names_condition
from pipeline.policy.criteria_condition import stated_condition
from pipeline.policy.list_labels import _marker
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _root
from pipeline.policy.verbatim import PageText

# "First approval (3 months). We ...", "Somatostatin analog, renewal (12 months). Approve"
_LEAD = re.compile(
    r"^(?:(?P<subject>[^.:;()]{2,60}?),\s+)?(?P<branch>[A-Za-z][A-Za-z\- ]{2,40}?)\s*"
    r"\((?P<duration>\d+\s*(?:month|year|week|day)s?)\b[^)]{0,30}\)\s*[.:,\-–—]?\s+(?P<rest>\S.*)$",
    re.I,
)
# "Continued on page 2", "(continued from page 1)": a newsletter's jump lines
_JUMP = re.compile(r"\bcontinued\s+(?:on|from)\s+page\s+\d+\b", re.I)
# a heading's request type after a dash or colon: "Drug X - initial", "Drug X: renewal"
_TITLE_TAIL = re.compile(r"\s+[-–—]\s+|\s*:\s+")
_MAX_LEAD_LINES, _MAX_HEADING_WORDS = 5, 8
# a part's own label before its title's subject: "PART 1", "Section 2", "B"
_PART_LABEL = re.compile(
    r"^(?:part|section|step|form)?\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-Z])\.?$", re.I
)
# "Acromegaly therapies: 2026 criteria": a document title's words that are no condition's
_TITLE_WORDS = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|drugs?|medications?|medicines?|agents?|criteria|"
    r"policy|guidelines?|update)\b.*$",
    re.I,
)


def _lead_kind(text: str) -> tuple[str, str] | None:
    """(request type, duration) of a run-in sentence's opening, or None."""
    m = _LEAD.match(text)
    if m is None or len(m.group("branch").split()) > 4:
        return None
    branch = m.group("branch").strip()
    if _BRANCH_INITIAL.match(branch):
        return "initial", m.group("duration")
    if _BRANCH_CONTINUED.match(branch):
        return "continuation", m.group("duration")
    return None


def _sentence(lines: list[Line], at: int) -> tuple[str, int] | None:
    """The run-in sentence from ``at``, its wrapped lines joined, ending in a colon; and the
    index after it."""
    words = [lines[at].text]
    end = at + 1
    while not words[-1].rstrip().endswith(":"):
        if end >= len(lines) or end - at >= _MAX_LEAD_LINES:
            return None
        line = lines[end]
        if line.blank_before or _marker(line.text) or line.page != lines[at].page:
            return None
        words.append(line.text)
        end += 1
    return " ".join(words), end


def _items_end(lines: list[Line], start: int, indent: int) -> int:
    """Where the items under a run-in sentence end: the first line back at its margin that
    is no item, or the next run-in sentence. A jump line and the heading that resumes the
    article on a later page are passed over while items go on after them."""
    end = start
    while end < len(lines):
        line = lines[end]
        if _JUMP.search(line.text):
            resumes = end + 1 < len(lines) and _marker(lines[end + 1].text) is not None
            if not resumes and not _resumed_items(lines, end + 1):
                break
            end += 1
            continue
        if _lead_kind(line.text) or (line.indent <= indent and _marker(line.text) is None):
            break
        end += 1
    return end


def _resumed_items(lines: list[Line], at: int) -> bool:
    """A "(continued from page N)" heading over more items."""
    return (
        at + 1 < len(lines)
        and bool(_JUMP.search(lines[at].text))
        and _marker(lines[at + 1].text) is not None
    )


def _heading(line: Line) -> str | None:
    """A short heading line's name, without a request type at its end."""
    text = line.text.strip()
    if (
        _marker(text)
        or text[-1:] in ".;:,"
        or not text[:1].isupper()
        or len(text.split()) > _MAX_HEADING_WORDS
        or _JUMP.search(text)
        or _branch_kind(text) is not None  # "Renewal" over run-in sentences: no condition
    ):
        return None
    parts = _TITLE_TAIL.split(text)
    if len(parts) > 1 and _branch_kind(parts[-1]) is not None:
        text = text[: len(text) - len(parts[-1])].rstrip(" -–—:")
    return text or None


def document_condition(lines: list[Line]) -> str | None:
    """The condition a document's title names ("Acromegaly therapies: 2026 criteria" →
    "Acromegaly"), from the first page's opening lines."""
    for line in lines[:6]:
        if line.page != 1:
            break
        # a title's parts set apart by a bar ("Card H-07 | Sickle cell disease"), each up to
        # its colon: the first that names a condition
        for part in line.text.split("|"):
            head = _TITLE_WORDS.sub("", part.split(":")[0]).strip(" -–—,")
            if head and len(head.split()) <= 6 and names_condition(head):
                return head
            if (subject := _labelled_subject(part)) is not None:
                return subject
            if (said := stated_condition(part, strict=False)) is not None:
                # "Study summary: adults with X on ..." (criteria_condition.py)
                return said[:1].upper() + said[1:]
    return None


# a capitals label before a title's subject ("ORDER SET: ED / Inpatient - X, Long-Acting
# Injectables", "PROTOCOL: ..."): the subject's parts are set apart by dashes and commas
_CAPS_LABEL = re.compile(r"^\s*([A-Z][A-Z&/ ]{1,24}):\s+(?=\S)")


def _labelled_subject(part: str) -> str | None:
    """The first part of a labelled title's subject that names a condition, else None."""
    if (m := _CAPS_LABEL.match(part)) is None or names_condition(m.group(1)):
        return None
    for piece in re.split(r"\s+[-–—]\s+|,\s+", part[m.end() :]):
        head = _TITLE_WORDS.sub("", piece).strip(" -–—,")
        if head and len(head.split()) <= 6 and names_condition(head):
            return head
    return None


def titled_subject(heading: str | None) -> str | None:
    """The subject a title names before its last dash, where a few words after it say what
    the title is for ("CRIZANLIZUMAB (Adakveo) IV - start" / "... - keep going": one drug's
    two requests, whatever they are called); None where the subject is a condition or there
    is no such dash."""
    parts = title_parts(heading or "")
    if len(parts) > 2 and _PART_LABEL.match(parts[0]):
        parts = parts[1:]  # "PART 1 - DRUG - START OF THERAPY": the part's label is no subject
    if len(parts) < 2 or len(parts[-2].split()) > 6:
        return None
    if len(PAREN.sub("", parts[-1]).split()) > 3 and _branch_kind(parts[-1]) is None:
        return None
    head = " - ".join(parts[:-1])
    return None if names_condition(head) or _part_label(head) else head


def _part_label(text: str) -> bool:
    """A document's own part and its number ("Pathway A2", "Route 3", "Section B"): no
    subject (a counter holds a digit or is one letter; "IV" is a route, not a counter)."""
    m = re.fullmatch(r"([A-Za-z]+)\s+(\d{1,2}[A-Z]?|[A-Z]\d{0,2})", text.strip())
    return m is not None and (m.group(1).lower() in DOCUMENT_WORDS or m.group(1)[:1].isupper())


def _subject_key(subject: str) -> list[str]:
    """A title's subject without its brand, form and strength ("ELIGLUSTAT (Cerdelga) 84 mg
    capsules" → ["eliglustat"]), so one drug's titles compare equal."""
    return re.split(r"\s\d", PAREN.sub("", subject).lower(), maxsplit=1)[0].split()


def _same_subject(a: str, b: str) -> bool:
    """One subject's titles: the shorter key opens the longer ("imiglucerase iv" /
    "imiglucerase")."""
    x, y = sorted((_subject_key(a), _subject_key(b)), key=len)
    return bool(x) and y[: len(x)] == x


def _name(heading: str, condition: str | None) -> str:
    if names_condition(heading) or condition is None:
        return heading
    # a heading naming the drug: the title's condition, the drug in parentheses as a
    # condition's drug group is named ("Migraine (Aimovig, Ajovy)"); its own brand kept
    drugs = re.sub(r"\s*\(([^)]*)\)", r" / \1", heading).strip()
    return f"{condition} ({drugs})"


def run_in_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from run-in branch sentences over their items, or None where fewer
    than two such sentences head item lists (the other readers then read the policy)."""
    out: list[Indication] = []
    used: set[int] = set()
    local: list[str] = []
    condition = document_condition(lines)
    at = 0
    while at < len(lines):
        kind = _lead_kind(lines[at].text) if _marker(lines[at].text) is None else None
        read = _sentence(lines, at) if kind else None
        if kind is None or read is None:
            at += 1
            continue
        text, start = read
        end = _items_end(lines, start, lines[at].indent)
        if end == start:
            at = start
            continue
        title = Line(lines[at].page, lines[at].indent, text)
        b = _Branch(kind[0], title, approval=kind[1], lines=lines[start:end])
        node = _root(b, f"{len(out) + 1}.{kind[0]}", pages, local)
        if node is None or not node.children:
            at = end
            continue
        heading = _heading(lines[at - 1]) if at > 0 else None
        branch = Branch(request_type=kind[0], approval=b.approval, node=node)  # type: ignore[arg-type]
        name = _name(heading, condition) if heading else None
        if name is None and out:
            out[-1].branches.append(branch)
        elif name is not None and out and out[-1].name == name:
            out[-1].branches.append(branch)
        else:
            name = name or text
            out.append(
                Indication(
                    id=str(len(out) + 1),
                    name=name,
                    text=f"{lines[at - 1].text if heading else ''} {text}".strip(),
                    page=title.page,
                    icd10=F.icd10_codes(text),
                    section=name,
                    branches=[branch],
                )
            )
        used |= set(range(at - (1 if heading else 0), end))
        at = end
    branches = [b for ind in out for b in ind.branches]
    if len(branches) < 2 or not any(b.request_type == "initial" for b in branches):
        return None
    problems.extend(local)
    return out, used


def join_titled(indications: list[Indication], lines: list[Line]) -> list[str]:
    """Indications read one per title, whose titles name one subject and say after a dash
    what each is for ("X IV - start" / "X IV - keep going", side by side on a card): one
    indication of that subject, named by the document's condition with the subject beside
    it, its branches the titles' own. Where the titles' words name no request type the
    branches' types are left unstated, and said so. Returns the problems."""
    condition = document_condition(lines)
    out: list[Indication] = []
    keys: list[str | None] = []
    problems: list[str] = []
    for ind in indications:
        key = titled_subject(ind.name)
        if key is None or not keys or keys[-1] is None or not _same_subject(keys[-1], key):
            out.append(ind)
            keys.append(key)
            continue
        joined = out[-1]
        for title, held in ((joined.name, joined), (ind.name, ind)):
            _type_by_title(title, held)
        # no title names the condition: the one the first criterion asks about
        # the condition the first lead-in grants for ("Drug for X: approve ..."), else the
        # title's, else the one the first criterion asks about
        root = joined.branches[0].node
        named = granted_for(root.text) or condition or first_asked_condition(root)
        key = keys[-1]
        if any(b.request_type == "any" for b in [*joined.branches, *ind.branches]):
            problems.append(
                f"page {ind.page}: {key!r}: its titles ({joined.name!r}, {ind.name!r}) name "
                "no request type the compiler knows; branches read as any request"
            )
        joined.branches.extend(ind.branches)
        joined.name = _name(key, named)
    indications[:] = out
    return problems


def _type_by_title(title: str, ind: Indication) -> None:
    """A titled indication's one untyped branch, typed by its title's last words ("DRUG -
    START OF THERAPY", "DRUG - REFILL AUTHORIZATION (every 12 months)")."""
    kind = title_kind(title)
    if kind is not None and [b.request_type for b in ind.branches] == ["any"]:
        ind.branches[0].request_type = kind[0]  # type: ignore[assignment]
        ind.branches[0].approval = ind.branches[0].approval or kind[1]
