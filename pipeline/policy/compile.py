"""Policy PDF → criteria tree, from the policy's own outline (outline.py reads the layout,
table.py the criteria tables): indications and their initial and continuation branches,
the logic of each group as the policy states it, exclusions, references; every node's
text checked on its page (verbatim.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import NecessityError
from pipeline.policy import fields as F
from pipeline.policy.models import Branch, Exclusion, Indication, PolicyNode, PolicyTree
from pipeline.policy.outline import _BULLETS, Item, Line, layout_lines, outline, raw_pages
from pipeline.policy.references import reference_fields, resolve
from pipeline.policy.table import Row, read_tables
from pipeline.policy.verbatim import _CONJ_END, _SKIP, PageText, _verbatim
from pipeline.sources.parse import normalize, parse_pdf

__all__ = ["COMPILER_VERSION", "Line", "PageText", "PolicyCompileError", "compile_policy"]

COMPILER_VERSION = "policy-compiler-4"

_STOP_SECTIONS = re.compile(r"^(references?|history|revision|appendix|background|coding)", re.I)
_EXCLUSION_SECTION = re.compile(
    r"not covered|exclusion|experimental|investigational|not medically necessary", re.I
)
# A heading over uses the plan does not cover ("Coverage Limitations", "Not Authorized").
_LIMITS_SECTION = re.compile(r"\blimitations\b|\bnot (?:authori[sz]ed|approved)\b", re.I)
_CATCH_ALL = re.compile(
    r"(experimental|investigational|unproven|not (?:medically necessary|covered))[^.]{0,80}"
    r"\b(any|all) other (?:use|indication|condition)",
    re.I,
)
_INITIAL = re.compile(
    r"^\s*(initial (?:therapy|approval|authori[sz]ation|request|review|coverage|criteria))",
    re.I,
)
_CONTINUATION = re.compile(
    r"^\s*(patient is currently receiving|currently receiving|continuation|continued "
    r"(?:therapy|approval|authori[sz]ation)|re-?authori[sz]ation|renewal|recertification|"
    r"subsequent (?:authori[sz]ation|approval))",
    re.I,
)
# Sections that hold no criteria, whatever lists they print.
_NOT_CRITERIA = re.compile(
    r"^(description|background|summary|rationale|definitions?|overview|purpose|scope|"
    r"policy guidelines|related|dosing|dosage|coding|billing|references?|history|revision|"
    r"appendix|documentation requirements|instructions|disclaimer|sources?|bibliograph|"
    r"description)",
    re.I,
)
_APPROVE_FOR = re.compile(
    r"(?:approved? for|authorization of|approval of|approved for up to|authorized for)\s+"
    r"(\d+ (?:months?|years?|weeks?|days?))",
    re.I,
)
_CONTAINER = re.compile(
    r"\b(criteria for|initial (?:approval|authorization|therapy)|continuation|continued "
    r"(?:therapy|approval)|renewal|reauthorization)\b",
    re.I,
)
_OF_THE_FOLLOWING = re.compile(
    r"\b(at least\s+)?(ALL|BOTH|EITHER|ONE|ANY|TWO|THREE|FOUR|\d+)\b\s+of\s+the\s+"
    r"(?:following|criteria (?:below|listed)|conditions below)|"
    r"\bmust\s+meet\s+(?:(at least)\s+)?(all|both|either|one|any|two|three|four|\d+)\b",
    re.I,
)
_LABELS = re.compile(
    r"[\(\[]\s*\(?([0-9a-zA-Z]{1,4})\)?((?:\s*,\s*\(?[0-9a-zA-Z]{1,4}\)?)*),?"
    r"\s*(and|or)\s+\(?([0-9a-zA-Z]{1,4})\)?\s*[\)\]]"
)
_APPROVES = re.compile(
    r"\bapprove\b[^.]{0,40}?\b(?:for|if|when)\b|\bmay be (?:granted|approved|authorized)\b|"
    r"(?<!not )\b(?:medically necessary|covered)\b.{0,160}?\b(?:when|if)\b|"
    r"\b(?:may be|is|are)\s+eligible\b[^.]{0,200}?\b(?:when|if)\b|"
    r"\breasonable and necessary\b.{0,160}?\b(?:when|if|for)\b",
    re.I,
)
_EXAMPLES_LEAD = re.compile(
    r"\b(?:examples?(?: of [^:]{0,40})? (?:include|are)|such as|for example|e\.g\.)"
    r"[^:]{0,60}:\s*$",
    re.I,
)
_FOLLOWING = re.compile(r"\b(the following|when all|if all|all of)\b", re.I)


class PolicyCompileError(NecessityError, ValueError):
    pass


# --- tree -------------------------------------------------------------------------------


def _group_op(item: Item) -> tuple[str, int, str | None]:
    """(op, n, problem) for an item with children."""
    text = item.text
    if m := _OF_THE_FOLLOWING.search(text):
        word = (m.group(2) or m.group(4)).lower()
        if word in {"all", "both"}:
            return "all_of", len(item.children), None
        count = F.number(word) or 1
        if word == "either" or count == 1:
            return "any_of", 1, None
        return "at_least", count, None
    if m := _LABELS.search(text):
        return ("all_of" if m.group(3).lower() == "and" else "any_of"), 1, None
    ends = []
    for c in item.children[:-1]:
        if c.joined:  # "-OR-" on its own line after it
            ends.append(c.joined)
        elif m := _CONJ_END.search(c.text):
            ends.append(m.group(0).strip(" ;,").upper())
    if ends and all(e == "OR" for e in ends):
        return "any_of", 1, None
    if ends and all(e == "AND" for e in ends):
        return "all_of", len(item.children), None
    if _FOLLOWING.search(text) or text.rstrip().endswith(":"):
        return "all_of", len(item.children), None
    return (
        "all_of",
        len(item.children),
        (f"page {item.page}: no combining logic stated for {text[:60]!r}; read as all of"),
    )


def _named_labels(text: str) -> set[str] | None:
    """The child labels a stem names: '(a, b, c, or d)' → {'a','b','c','d'}."""
    m = _LABELS.search(text)
    if not m:
        return None
    labels = [m.group(1), *re.findall(r"[0-9a-zA-Z]{1,4}", m.group(2) or ""), m.group(4)]
    labels = [x.lower() for x in labels]
    if len(set(labels)) < len(labels):  # "(i, ii, and ii)": a typo, not a filter
        return None
    return set(labels)


def _node(item: Item, node_id: str, pages: PageText, problems: list[str]) -> PolicyNode:
    text, page, verified = _verbatim(item.text, item.page, pages)
    notes = [normalize(n) for n in item.notes]
    if not verified:
        problems.append(f"page {item.page}: text of {node_id} not found verbatim on the page")
    if (
        item.children
        and _EXAMPLES_LEAD.search(item.text)
        and not _OF_THE_FOLLOWING.search(item.text)
    ):
        # "Examples include, but may not be limited to:" introduces examples, not criteria:
        # the item is one criterion and its list a note under it.
        names = "; ".join(_subtree_text(c) for c in item.children)
        notes.append(normalize(f"Examples: {names}"))
        item.children = []
    if not item.children:
        kind, extracted = F.classify(text, notes)
        if (ref := reference_fields(text)) is not None:
            kind, extracted = "reference", ref
        return PolicyNode(
            id=node_id,
            label=item.label,
            text=text,
            page=page,
            kind=kind,
            fields=extracted,
            notes=notes,
            verified=verified,
        )
    children = item.children
    named = _named_labels(item.text)
    if named is None and _LABELS.search(item.text):
        problems.append(f"page {item.page}: the stem of {node_id} names a label twice; all kept")
    if named:
        kept = [c for c in children if c.label.lower() in named]
        dropped = [c for c in children if c.label.lower() not in named]
        if dropped and kept and len(children) == len(named):
            # As many items as the stem names, one labelled otherwise ("(i and ii)" over
            # ii and iii): the policy's own numbering slip, not a filter.
            problems.append(
                f"page {dropped[0].page}: the stem of {node_id} names "
                f"{', '.join(sorted(named))} but its items are labelled "
                f"{', '.join(c.label for c in children)}; all kept"
            )
        elif dropped and kept:
            problems.append(
                f"page {dropped[0].page}: items {', '.join(c.label for c in dropped)} under "
                f"{node_id} are not among those its stem names; left out of the logic"
            )
            children = kept
    item.children = children
    op, n, problem = _group_op(item)
    if problem:
        problems.append(problem)
    nodes: list[PolicyNode] = []
    for i, c in enumerate(children, 1):
        child_id = f"{node_id}.{c.label if c.label and c.style not in _BULLETS else i}"
        if any(x.id == child_id for x in nodes):  # a policy's own numbering slip ("ii" twice)
            child_id += f"#{i}"
        nodes.append(_node(c, child_id, pages, problems))
    return PolicyNode(
        id=node_id,
        label=item.label,
        text=text,
        page=page,
        op=op,  # type: ignore[arg-type]
        n=n if op == "at_least" else (len(nodes) if op == "all_of" else 1),
        notes=notes,
        verified=verified,
        children=nodes,
    )


_NECESSARY_FOR = re.compile(
    r"(?:medically necessary|covered|granted)\s+(?:for|in)\s+(?:the treatment of\s+|"
    r"(?:adult |pediatric )?(?:patients|members|individuals) with\s+)?(.+?)"
    r"(?:\s+when\b|\s+if\b|\s+who\b|\s+in (?:patients|members)\b|[,:;]|\.\s|$)",
    re.I,
)


def _name(text: str) -> str:
    """The condition an item names: "... medically necessary for the treatment of X when"
    gives X; otherwise the words before its first sentence break or colon."""
    head = _head(text)
    m = _NECESSARY_FOR.search(text)
    if m and (head == text[:120].strip() or _NECESSARY_FOR.search(head)):
        return m.group(1).strip()
    return head


def _head(text: str) -> str:
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch in ".:" and depth <= 0 and (i + 1 == len(text) or text[i + 1] == " "):
            return text[:i].strip()
    return text[:120].strip()


# "Patient is Currently Receiving X. Approve for 1 year if the ..." / "Kawasaki disease
# (ICD-10 M30.3). Approve one course when the ...": the words before the criterion.
_LEAD_IN = re.compile(
    r"^(?:.{0,240}?[.:]\s+)?(?:approve|authorization|approval|coverage)\b[^.:;]{0,80}?"
    r"\b(?:if|when)\s+(?:the\s+)?(?=\w)",
    re.I,
)


def _criterion_only(node: PolicyNode, pages: PageText) -> PolicyNode:
    """A branch that is one criterion keeps the criterion's words, not the heading and
    approval sentence they follow (the words are still verbatim on the page)."""
    m = _LEAD_IN.match(node.text)
    if node.op != "leaf" or not m or len(node.text) - m.end() < 12:
        return node
    rest = node.text[m.end() :]
    found = pages.find(rest, node.page)
    if not found:
        return node
    kind, fields = F.classify(rest, node.notes)
    if (ref := reference_fields(rest)) is not None:
        kind, fields = "reference", ref
    return node.model_copy(
        update={"text": normalize(found[0]), "page": found[1], "kind": kind, "fields": fields}
    )


def _branches(item: Item, ind_id: str, pages: PageText, problems: list[str]) -> list[Branch]:
    typed = [c for c in item.children if _INITIAL.match(c.text) or _CONTINUATION.match(c.text)]
    if not typed:
        node = _criterion_only(_node(item, ind_id, pages, problems), pages)
        approval = _APPROVE_FOR.search(item.text)
        return [Branch(request_type="any", approval=approval and approval.group(1), node=node)]
    out = []
    for child in typed:
        kind = "initial" if _INITIAL.match(child.text) else "continuation"
        node = _criterion_only(_node(child, f"{ind_id}.{child.label}", pages, problems), pages)
        approval = _APPROVE_FOR.search(child.text)
        out.append(Branch(request_type=kind, approval=approval and approval.group(1), node=node))
    return out


def _exclusion(item: Item, ex_id: str, pages: PageText) -> Exclusion:
    text, page, verified = _verbatim(item.text, item.page, pages)
    catch_all = bool(_CATCH_ALL.search(text))
    return Exclusion(
        id=ex_id,
        name="any use not listed in the policy" if catch_all else _name(text),
        text=text,
        page=page,
        icd10=F.icd10_codes(text),
        catch_all=catch_all,
        verified=verified,
    )


def build_tree(
    roots: list[Item],
    pages: PageText,
    *,
    source_id: str,
    file: str,
    title: str,
    rows: list[Row] | None = None,
) -> PolicyTree:
    problems: list[str] = []
    indications: list[Indication] = _table_indications(rows or [], pages, problems)
    exclusions: list[Exclusion] = []
    scope: list[str] = [title]
    seen_indication = False
    lists = _diagnosis_lists(roots)
    consumed = {j for before, after in lists.values() for j in before + after}
    for n, item in enumerate(roots, 1):
        if n - 1 in lists:
            before, after = lists[n - 1]
            seen_indication = True
            indications.extend(_listed_indications(roots, n - 1, before, after, pages, problems))
            continue
        if n - 1 in consumed:
            continue
        section = item.section
        full = _subtree_text(item)
        if _NOT_CRITERIA.match(section.strip()):
            # A description or disclaimer: it names the drug (scope) but neither covers
            # nor excludes ("inclusions/exclusions ... take precedence" is no exclusion).
            if not seen_indication:
                scope.append(full)
            continue
        if _CATCH_ALL.search(full) and not _EXCLUSION_SECTION.search(section):
            exclusions.append(_catch_all(item, f"X{n}", pages))
        if _STOP_SECTIONS.match(section):
            continue
        if (
            _EXCLUSION_SECTION.search(section)
            or _LIMITS_SECTION.search(section)
            or _EXCLUSION_SECTION.search(item.text[:160])
            and (item.children and item.style == "para")
        ):
            if item.children and item.style in {"para", "bullet"}:
                for i, child in enumerate(item.children, 1):
                    exclusions.append(_exclusion(child, f"X{n}.{i}", pages))
                if _CATCH_ALL.search(item.text):
                    exclusions.append(_catch_all(item, f"X{n}", pages))
            elif item.style != "para" or _CATCH_ALL.search(item.text):
                exclusions.append(_exclusion(item, f"X{n}", pages))
            continue
        if _is_indication(item):
            seen_indication = True
            indications.append(_indication(item, item.label or str(n), "any", pages, problems))
        elif item.children and _CONTAINER.search(item.text[:120]):
            # "I. Criteria for Initial Approval" → "A. <indication>: ... may be granted when":
            # the container says which request type its indications answer.
            low = item.text.lower()
            hint = (
                "continuation"
                if re.search(r"continu|renewal|reauthori", low)
                else "initial"
                if "initial" in low
                else "any"
            )
            for child in item.children:
                if _is_indication(child):
                    seen_indication = True
                    ind_id = f"{item.label or n}.{child.label}"
                    indications.append(_indication(child, ind_id, hint, pages, problems))
        elif not seen_indication:
            scope.append(full)
    if not indications:
        indications = _heading_indications(roots, pages, problems)
    if not indications:
        problems.append("no indication with criteria found: the policy could not be structured")
    tree = PolicyTree(
        source_id=source_id,
        file=file,
        title=title,
        compiler=COMPILER_VERSION,
        scope=" ".join(scope)[:4000],
        indications=indications,
        exclusions=_dedupe(exclusions),
        problems=problems,
        checksum=source_id,
    )
    tree.problems.extend(resolve(tree))
    return tree


# "Diagnoses: Patient must have ONE of the following: 1. X 2. Y", criteria for every
# diagnosis before it ("Age 18 years of age or older") and after it ("AND ALL of the
# following for ALL diagnoses:"), some for one ("AND ONE of the following for X ONLY:").
_DX_LIST = re.compile(
    r"\b(?:must have|diagnosis of|diagnosed with|has|have)\b[^.]{0,40}?\b(?:ONE|ANY|EITHER)\s+of\s+"
    r"the\s+following",
    re.I,
)
_FOR_ONLY = re.compile(r"\bfor\s+(.{3,80}?)\s+only\b", re.I)


def _diagnosis_lists(roots: list[Item]) -> dict[int, tuple[list[int], list[int]]]:
    """Each list of diagnoses (by its index among the roots) → the indices of the shared
    criteria printed before it and of the connector groups after it."""
    out: dict[int, tuple[list[int], list[int]]] = {}
    for i, item in enumerate(roots):
        if item.style != "para" or len(item.children) < 1 or not _DX_LIST.search(item.text):
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
    from pipeline.policy.match import condition_words

    listed = roots[at]
    sections = " ".join(roots[j].section for j in before) + " " + listed.section
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


def _heading_indications(
    roots: list[Item], pages: PageText, problems: list[str]
) -> list[Indication]:
    """Where no statement says "approve / medically necessary when", the headings do: each
    section that prints a list of criteria is an indication named by its heading, and a
    section headed "Initial Authorization" / "Renewal" is that branch of the condition
    heading above it. The logic between a section's lists is not stated: listed."""
    groups: dict[tuple[str, str], list[Item]] = {}
    condition = ""
    for item in roots:
        for head in item.above[:-1]:  # a condition heading with branch headings under it
            if not (_INITIAL.match(head) or _CONTINUATION.match(head)):
                condition = head
        section = item.section.strip()
        if not section or _STOP_SECTIONS.match(section) or _NOT_CRITERIA.match(section):
            continue
        if _EXCLUSION_SECTION.search(section):
            continue
        if _INITIAL.match(section) or _CONTINUATION.match(section):
            kind = "initial" if _INITIAL.match(section) else "continuation"
            owner = condition or section
        else:
            owner, kind, condition = section, "any", section
        listed = item.children or item.style != "para"
        if listed:
            groups.setdefault((owner, kind), []).append(item)
    out: dict[str, Indication] = {}
    for n, ((owner, kind), items) in enumerate(groups.items(), 1):
        ind_id = f"H{n}"
        if len(items) == 1 and items[0].children:
            node = _node(items[0], ind_id, pages, problems)
        else:
            head, page, verified = _verbatim(owner, items[0].page, pages)
            children = [_node(x, f"{ind_id}.{i}", pages, problems) for i, x in enumerate(items, 1)]
            node = PolicyNode(
                id=ind_id,
                text=head,
                page=page,
                op="all_of",
                n=len(children),
                verified=verified,
                children=children,
            )
            problems.append(
                f"page {page}: no combining logic stated for the criteria under {owner!r}; "
                "read as all of"
            )
        ind = out.get(owner)
        if ind is None:
            ind = out[owner] = Indication(
                id=ind_id,
                name=owner,
                text=owner,
                page=items[0].page,
                icd10=F.icd10_codes(" ".join(_subtree_text(x) for x in items)),
                section=owner,
            )
        ind.branches.append(Branch(request_type=kind, node=node))  # type: ignore[arg-type]
    return list(out.values())


def _is_indication(item: Item) -> bool:
    """An item that grants coverage for a condition: 'Approve for ...', 'Authorization of
    6 months may be granted ...', '... is medically necessary ... when'."""
    return (
        item.style not in _BULLETS
        and bool(_APPROVES.search(item.text))
        and bool(item.children or item.style != "para")
    )


def _indication(
    item: Item, ind_id: str, hint: str, pages: PageText, problems: list[str]
) -> Indication:
    text, page, _ = _verbatim(item.text, item.page, pages)
    branches = _branches(item, ind_id, pages, problems)
    for b in branches:
        if b.request_type == "any":
            b.request_type = hint  # type: ignore[assignment]
    # A statement under a heading ("Facility-Based Polysomnogram" / "Members may be
    # eligible for ... when"): the heading names the indication.
    name = item.heading if item.heading and item.style == "para" else _name(text)
    return Indication(
        id=ind_id,
        name=name,
        text=text,
        page=page,
        icd10=F.icd10_codes(text),
        section=item.section,
        request_type=hint,  # type: ignore[arg-type]
        branches=branches,
    )


def _subtree_text(item: Item) -> str:
    return " ".join([item.text, *(_subtree_text(c) for c in item.children)])


def _catch_all(item: Item, ex_id: str, pages: PageText) -> Exclusion:
    lead = r"(?:\b(?:is\(are\)|is|are)\s+)?(?:considered\s+)?"
    m = re.search(lead + _CATCH_ALL.pattern + r"[^.;:(]*", _subtree_text(item), re.I)
    sentence = m.group(0).strip() if m else item.text
    verbatim, page, verified = _verbatim(sentence, item.page, pages)
    return Exclusion(
        id=ex_id,
        name="any use not listed in the policy",
        text=verbatim,
        page=page,
        catch_all=True,
        verified=verified,
    )


def _dedupe(exclusions: list[Exclusion]) -> list[Exclusion]:
    seen: set[tuple[str, bool]] = set()
    out = []
    for ex in exclusions:
        key = (ex.text.lower(), ex.catch_all)
        if key not in seen:
            seen.add(key)
            out.append(ex)
    return out


def compile_policy(path: Path, *, source_id: str, title: str) -> PolicyTree:
    """Compile one policy PDF. Raises PolicyCompileError for a file with no text."""
    pages = parse_pdf(path)
    try:
        raw = raw_pages(Path(path))
        rows, used = read_tables(raw)
        lines = layout_lines(raw, used)
    except Exception as exc:  # noqa: BLE001 layout extraction fails in its own ways
        raise PolicyCompileError(
            f"{path}: layout extraction failed ({type(exc).__name__})"
        ) from exc
    if not lines and not rows:
        raise PolicyCompileError(f"{path}: no text in layout extraction")
    roots = outline(lines)
    return build_tree(
        roots,
        PageText([p.text for p in pages]),
        source_id=source_id,
        file=str(Path(path).resolve()),
        title=title,
        rows=rows,
    )


# Items of a table's criteria cell that are not criteria: how long an approval lasts.
_APPROVAL_ITEM = re.compile(
    r"^(?:initial\s+)?(?:authori[sz]ation|approval)\s*s?\s+(?:will be|are|is|may be)\s+"
    r"(?:for|up to|limited|approved|granted)",
    re.I,
)
_RENEWAL_ITEM = re.compile(
    r"^(?:subsequent|continu\w+|renewal|re-?authori[sz]ation)|^(?:patient is )?currently",
    re.I,
)


def _table_indications(rows: list[Row], pages: PageText, problems: list[str]) -> list[Indication]:
    """One indication per row: its criteria cell's items, ALL of them unless each ends in
    "OR" (a table states no other logic between its bullets), the renewal items as the
    continuation branch."""
    out = []
    printed = "".join(compact for compact, _ in pages.compact).lower()
    for n, row in enumerate(rows, 1):
        ind_id = f"T{n}"
        name = " ".join(row.subject.split()) or " ".join(row.other.split())
        initial: list[PolicyNode] = []
        renewal: list[PolicyNode] = []
        approval = None
        ors: dict[int, bool] = {}  # id(node) → the item ends with "OR"
        for k, item in enumerate(outline(row.lines), 1):
            text = " ".join(item.text.split())
            if _APPROVAL_ITEM.match(text) and not item.children:
                found = _APPROVE_FOR.search(text) or re.search(r"(\d+ days?)", text)
                approval = approval or (found.group(1) if found else None)
                continue
            node = _node(item, f"{ind_id}.{k}", pages, problems)
            end = _CONJ_END.search(item.text)
            ors[id(node)] = item.joined == "OR" or bool(end and "OR" in end.group(0).upper())
            (renewal if _RENEWAL_ITEM.match(text) else initial).append(node)
        branches = []
        first = name.split(" ")[0] if name else ""
        head, page, verified = _verbatim(name, row.page, pages)
        words = name.split()
        if not verified and _SKIP.sub("", name).lower() not in printed:
            # a name cell that ran on into a line printed elsewhere (a heading above the
            # table) is printed nowhere as joined: the longest start of it printed on its
            # page names the row, so a person can confirm it
            while not verified and len(words) > 2:
                words = words[:-1]
                head, page, verified = _verbatim(" ".join(words), row.page, pages)
            name = head if verified else name
        for kind, nodes in (("initial", initial), ("continuation", renewal)):
            if not nodes:
                continue
            either = len(nodes) > 1 and all(ors[id(x)] for x in nodes[:-1])
            root = PolicyNode(
                id=f"{ind_id}.{kind[0]}",
                text=head if verified else first,
                page=page,
                op="any_of" if either else "all_of",
                n=1 if either else len(nodes),
                verified=verified,
                children=nodes,
            )
            branches.append(Branch(request_type=kind, approval=approval, node=root))  # type: ignore[arg-type]
        out.append(
            Indication(
                id=ind_id,
                name=name,
                # the name cell as printed: the row's other cells are not next to it in the
                # page text, so their join could not be found on the page again
                text=head if verified else name,
                page=page if verified else row.page,
                icd10=F.icd10_codes(row.other + " " + " ".join(x.text for x in row.lines)),
                section=" ".join(row.other.split()),
                branches=branches,
            )
        )
    if rows:
        problems.append(
            f"page {rows[0].page}: criteria table ({len(rows)} rows): each row's items are "
            "read as ALL of (the table states no other logic between them)"
        )
    return out
