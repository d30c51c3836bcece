"""A list of diagnoses sharing criteria printed before and after it → one indication per
diagnosis; and, where no statement grants coverage, the headings over criteria lists."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _branch_kind, title_kind
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.criteria_condition import stated_condition
from pipeline.policy.groups import _node, _subtree_text
from pipeline.policy.indications import _name
from pipeline.policy.logic_notes import is_logic_note, note_logic
from pipeline.policy.match import condition_words
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.parts import condition_name
from pipeline.policy.runon import spread_runons
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import (
    _APPROVE_FOR,
    _APPROVES,
    _CONTINUATION,
    _EXCLUSION_SECTION,
    _INITIAL,
    _LIMITS_SECTION,
    _NOT_CRITERIA,
    _OF_THE_FOLLOWING,
    _STOP_SECTIONS,
)

# "Diagnoses: Patient must have ONE of the following: 1. X 2. Y", criteria for every
# diagnosis before it ("Age 18 years of age or older") and after it ("AND ALL of the
# following for ALL diagnoses:"), some for one ("AND ONE of the following for X ONLY:").
_DX_LIST = re.compile(
    r"\b(?:must have|diagnosis of|diagnosed with|has|have)\b[^.]{0,40}?\b(?:ONE|ANY|EITHER)\s+of\s+"
    r"the\s+following",
    re.I,
)
# "Patient must have the following: 1. X" then "AND ALL of the following:": a list of one
# diagnosis, known as such by the connector groups after it.
_MUST_HAVE = re.compile(r"\b(?:must have|diagnosis of|diagnosed with)\s+the\s+following\b", re.I)
_HEAD_TERM = re.compile(r"\((\d{1,2}\s*(?:months?|weeks?|years?|days?))\)", re.I)
_BAND = re.compile(r"^([A-Z][\w-]*(?: [\w-]+){0,3}):\s")
_INCLUSION = re.compile(r"^inclusion\b", re.I)
_TREATED = re.compile(
    r"\bfor the treatment of (?P<condition>[^.;:]*?[A-Za-z][^.;:]*?)(?:,|\.|;|:|$)", re.I
)
_CONTINUED_HEAD = re.compile(
    r"\b(?:continued (?:coverage|therapy|use|approval)|continuation|renewal|"
    r"re-?authori[sz]ation|recertification)\b",
    re.I,
)
_FOR_ONLY = re.compile(r"\bfor\s+(.{3,80}?)\s+only\b", re.I)


def _diagnosis_lists(roots: list[Item]) -> dict[int, tuple[list[int], list[int]]]:
    """Each list of diagnoses (by its index among the roots) → the indices of the shared
    criteria printed before it and of the connector groups after it."""
    out: dict[int, tuple[list[int], list[int]]] = {}
    for i, item in enumerate(roots):
        if item.style != "para" or len(item.children) < 1:
            continue
        followed = i + 1 < len(roots) and roots[i + 1].style == "conn"
        if not (_DX_LIST.search(item.text) or followed and _MUST_HAVE.search(item.text)):
            continue
        before: list[int] = []
        j = i - 1
        while (
            j >= 0
            and roots[j].style == "para"
            and not roots[j].children
            and len(roots[j].text) < 160
            and F.classify(roots[j].text, [])[0] not in {"other", "documentation"}
        ):
            before.insert(0, j)
            j -= 1
        after: list[int] = []
        j = i + 1
        while j < len(roots) and roots[j].style == "conn":
            after.append(j)
            j += 1
        out[i] = (before, after)
    return out


def _listed_indications(
    roots: list[Item],
    at: int,
    before: list[int],
    after: list[int],
    pages: PageText,
    problems: list[str],
) -> list[Indication]:
    """One indication per listed diagnosis: ALL of the shared criteria, the diagnosis (a
    group where it lists subtypes, else a criterion followed by its own items), and the
    connector groups that apply to it."""
    listed = roots[at]
    # the headings above the list too: "Prior-Approval Renewal Requirements / Diagnosis"
    heads = [h for j in [*before, at] for h in roots[j].above]
    sections = " ".join([*(roots[j].section for j in before), listed.section, *heads])
    kind = (
        "continuation"
        if re.search(r"renewal|continu|reauthori", sections, re.I)
        else "initial"
        if re.search(r"requirement|approval|initial|criteria", sections, re.I)
        else "any"
    )
    out = []
    for k, dx in enumerate(listed.children, 1):
        ind_id = f"D{at}.{dx.label or k}"
        parts = [_node(roots[j], f"{ind_id}.s{j}", pages, problems) for j in before]
        if dx.children and not _OF_THE_FOLLOWING.search(dx.text):
            alone = Item(dx.style, dx.label, dx.text, dx.page, dx.indent, dx.section)
            parts.append(_node(alone, f"{ind_id}.dx", pages, problems))
            parts += [
                _node(c, f"{ind_id}.{c.label or i}", pages, problems)
                for i, c in enumerate(dx.children, 1)
            ]
        else:
            parts.append(_node(dx, f"{ind_id}.dx", pages, problems))
        for j in after:
            only = _FOR_ONLY.search(roots[j].text)
            if only and not condition_words(only.group(1)) <= condition_words(dx.text):
                continue  # another diagnosis's criteria
            parts.append(_node(roots[j], f"{ind_id}.c{j}", pages, problems))
        text, page, verified = _verbatim(dx.text, dx.page, pages)
        root = PolicyNode(
            id=ind_id,
            label=dx.label,
            text=text,
            page=page,
            op="all_of",
            n=len(parts),
            verified=verified,
            children=parts,
        )
        name = re.split(r"\s+including\b|:", _name(text), maxsplit=1)[0].strip()
        out.append(
            Indication(
                id=ind_id,
                name=name,
                text=text,
                page=page,
                icd10=F.icd10_codes(text),
                section=listed.section,
                request_type=kind,  # type: ignore[arg-type]
                branches=[Branch(request_type=kind, node=root)],  # type: ignore[arg-type]
            )
        )
    return out


def _condition_item(item: Item) -> str:
    """The condition a marked item over a criteria list names ("A. Grey River Syndrome
    (must meet all):"), or "": a short name, no statement, no lead-in, no branch."""
    text = " ".join(item.text.split())
    if item.style in {"para", "unmarked", "conn"} or not item.children:
        return ""
    name = condition_name(text)
    words = name.split()
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    if (
        not 1 <= len(words) <= 8
        or _APPROVES.search(text)
        or _INITIAL.match(text)
        or _CONTINUATION.match(text)
        or _OF_THE_FOLLOWING.search(text)
        or name.endswith((".", ";", ","))
        or not long_words
        or not all(w[0].isupper() for w in long_words)
    ):
        return ""
    return name


def _section_kind(heading: str) -> str | None:
    """The request type a section heading names: its phrases, or an initial word of the
    branch vocabulary ("Initiation", "Start of therapy": branch_names.py; its continuation
    words also head a device's parts, "CONTINUOUS GLUCOSE MONITORS", "REFILL REQUIREMENTS")."""
    if _INITIAL.match(heading) or _CONTINUATION.match(heading):
        return "initial" if _INITIAL.match(heading) else "continuation"
    found = _branch_kind(heading)
    return "initial" if found and found[0] == "initial" else None


def _heading_indications(
    roots: list[Item], pages: PageText, problems: list[str]
) -> list[Indication]:
    """Where no statement says "approve / medically necessary when", the headings do: each
    section that prints a list of criteria is an indication named by its heading, and a
    section headed "Initial Authorization" / "Renewal" is that branch of the condition
    heading above it. The logic between a section's lists is not stated: listed."""
    groups: dict[tuple[str, str], list[Item]] = {}
    said: dict[tuple[str, str], list[str]] = {}  # logic notes after a section's list
    condition = ""
    # a section heading that names no condition ("FDA Approval Information") over a
    # paragraph that does ("... for the treatment of X"): the condition the section is for
    treated: dict[str, str] = {}
    granted = ""
    for item in roots:
        for head in item.above[:-1]:  # a condition heading with branch headings under it
            if _section_kind(head) is None:
                condition = head
        section = item.section.strip()
        if not section or _STOP_SECTIONS.match(section) or _NOT_CRITERIA.match(section):
            continue
        if _EXCLUSION_SECTION.search(section) or _LIMITS_SECTION.match(section):
            continue  # "Not authorized" over the uses refused: exclusions, no criteria
        if (branch_kind := _section_kind(section)) is not None:
            kind = branch_kind
            named = names_condition(condition)
            if not named and kind == "initial" and item.children:
                # branch sections repeated per subject under no condition heading: the
                # condition its initial lead-in grants for owns them, its renewal after it
                # ("Initiation" / "1. X should be reimbursed for adults with Y who meet:"),
                # the heading above after it
                granted = stated_condition(item.text, strict=False) or ""
            owner = condition if named or not granted else f"{granted} ({condition})"
            owner = owner.removesuffix(" ()") or section
        elif condition and _CONTINUED_HEAD.search(section):
            # "CGM Continued Coverage" under "CONTINUOUS GLUCOSE MONITORS": that condition's
            # continuation branch
            kind, owner = "continuation", condition
        else:
            # "PART 1 - DRUG - START OF THERAPY": a drug's title naming its request type after
            # a dash (a condition's "X - First Course" is read by its sections, sections.py)
            titled = title_kind(section) if not names_condition(section) else None
            owner, kind, condition = section, titled[0] if titled else "any", section
        if not item.children and item.style == "para" and (found := _TREATED.search(item.text)):
            treated.setdefault(section, found.group("condition").strip())
        band = _BAND.match(item.text) if item.style == "para" and item.children else None
        if band and kind == "any":
            # "Inclusion Criteria: The answer to ALL of the following ..." / "Renewal
            # Criteria: ...": a band over its list names the branch; an exclusion band's
            # items are the exclusions (exclusions.py), no criteria
            title = band.group(1)
            if _EXCLUSION_SECTION.search(title):
                continue
            if _CONTINUATION.match(title) or _CONTINUED_HEAD.search(title):
                kind = "continuation"
            elif _INITIAL.match(title) or _INCLUSION.match(title):
                kind = "initial"
        if named := _condition_item(item):
            # "A. GREY RIVER SYNDROME:" over its list, under "COVERAGE CRITERIA" or
            # "CONTINUATION OF THERAPY:": the item names the condition, not the heading
            owner = named
        listed = item.children or item.style != "para"
        if not listed and is_logic_note(item.text):
            # "Criteria 1 through 5 must all be met." after the section's list
            said.setdefault((owner, kind), []).append(item.text)
            continue
        if not listed and kind != "any" and (owner, kind) not in groups:
            listed = True  # a branch heading's first paragraph states its criterion
        if listed:
            groups.setdefault((owner, kind), []).append(item)
    out: dict[str, Indication] = {}
    for n, ((owner, kind), items) in enumerate(groups.items(), 1):
        ind_id = f"H{n}"
        printed, items = items, spread_runons(items)  # "A; AND B; AND C" (runon.py)
        if len(items) == 1 and items[0].children:
            node = _node(items[0], ind_id, pages, problems)
        else:
            head, page, verified = _verbatim(owner, items[0].page, pages)
            noted = note_logic(said.get((owner, kind), []), [x.label for x in items])
            for x in items:
                if x.label and x.label in noted and x.children:
                    x.stated = noted[x.label]
            children = [_node(x, f"{ind_id}.{i}", pages, problems) for i, x in enumerate(items, 1)]
            joins = {x.joined for x in items[:-1]}
            if "" not in noted and len(joins) == 1 and joins <= {"AND", "OR"}:
                # the connectors between the criteria say it ("; AND" after each)
                noted[""] = ("all_of", len(children)) if "AND" in joins else ("any_of", 1)
            op, count = noted.get("", ("all_of", len(children)))
            node = PolicyNode(
                id=ind_id,
                text=head,
                page=page,
                op=op,  # type: ignore[arg-type]
                n=count if op == "at_least" else len(children) if op == "all_of" else 1,
                verified=verified,
                children=children,
            )
            if "" not in noted:
                problems.append(
                    f"page {page}: no combining logic stated for the criteria under {owner!r}; "
                    "read as all of"
                )
        ind = out.get(owner)
        if ind is None:
            ind = out[owner] = Indication(
                id=ind_id,
                name=treated[owner] if owner in treated and not names_condition(owner) else owner,
                text=owner,
                page=items[0].page,
                icd10=F.icd10_codes(owner)
                or F.icd10_codes(" ".join(_subtree_text(x) for x in items)),
                section=owner,
            )
        # "Approval Length: 6 months" after the section's list: how long its branch lasts
        approval = _APPROVE_FOR.search(" ".join(n for x in printed for n in x.notes))
        # else a branch heading's own term ("Initial authorization (6 months)")
        approval = approval or _HEAD_TERM.search(printed[0].section if kind != "any" else "")
        ind.branches.append(
            Branch(request_type=kind, approval=approval and approval.group(1), node=node)  # type: ignore[arg-type]
        )
    for ind in out.values():
        kinds = [b.request_type for b in ind.branches]
        if kinds.count("any") == 1 and "continuation" in kinds and "initial" not in kinds:
            # the condition's criteria beside its own continuation section: the initial ones
            next(b for b in ind.branches if b.request_type == "any").request_type = "initial"
    return list(out.values())
