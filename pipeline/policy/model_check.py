"""A model's proposed policy tree, checked by code into the tree the rules compiler makes.

The model (``policy.compiler: model``, model_compiler.py) proposes; nothing it says is
kept unless it is printed in the policy:
- every leaf's, group's, indication's and exclusion's text is looked up on the page it
  names with the verbatim checker the rules compiler uses (verbatim.py): whitespace and
  hyphens ignored, the page named or the one before or after it (a list runs across a page
  break). Found on an adjacent page, the node is moved to that page (as the rules compiler
  does); found only farther away, or not at all, it is dropped, with a problem naming its
  page (and where it is printed, if it is);
- a group's logic must be all_of, any_of or at_least with 1 <= n <= its kept items, else
  the group is dropped with a problem (an "at least 3 of 2" can never be met: keeping it
  would deny, reading it as "all of" would guess);
- an indication's name, codes and approval duration must be printed where it is;
  "catch-all" exclusions must say "any/all other ...".
The tree is marked ``model:<name>`` and unconfirmed, so the worksheet, the exports and
the Policies page treat it as the rules compiler's: a person confirms it before it decides
alone. Where the checks dropped a node (or flagged a criterion cut short) the kept tree's
logic is not the policy's (an all_of that lost an item is easier to meet: a false approval;
an any_of harder: a false denial), so the tree counts them (``dropped``, ``cut_short``, per
indication) and, until a person confirms it, does not decide there (abstain_reason).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from pipeline.policy import fields as F
from pipeline.policy.edit import classify, resolve_references
from pipeline.policy.models import (
    EMPTY,
    Branch,
    Exclusion,
    Indication,
    PolicyNode,
    PolicyTree,
)
from pipeline.policy.section_names import defined_abbreviations, fold_back
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.sources.parse import normalize

OPS = ("all_of", "any_of", "at_least", "leaf")
REQUEST_TYPES = ("initial", "continuation", "any")
_ANY_OTHER = re.compile(
    r"\b(?:any|all)\s+other\b|\bnot\s+(?:listed|specified|addressed)\s+(?:above|in)\b", re.I
)
_SKIP = re.compile(r"[\s\-\u00ad‐‑]")
_MARKER = re.compile(r"^\(?[a-z0-9]{1,4}[.)](?:\s|$)")
_SHORT = 12  # compact characters below which a text must be found as whole words


# --- what the model is asked to fill (its JSON schema is model_compiler.SCHEMA) ------------
# op and request_type are plain strings here with their choices in the schema: a value
# outside them is one node's problem, found below, not a reply thrown away whole.


class ProposedNode(BaseModel):
    op: str = Field(json_schema_extra={"enum": list(OPS)})
    n: int
    text: str
    page: int
    children: list[ProposedNode]


class ProposedBranch(BaseModel):
    request_type: str = Field(json_schema_extra={"enum": list(REQUEST_TYPES)})
    approval: str
    node: ProposedNode


class ProposedIndication(BaseModel):
    name: str
    text: str
    page: int
    icd10: list[str]
    branches: list[ProposedBranch]


class ProposedExclusion(BaseModel):
    name: str
    text: str
    page: int
    catch_all: bool


class ProposedTree(BaseModel):
    indications: list[ProposedIndication]
    exclusions: list[ProposedExclusion]


# --- the checks ------------------------------------------------------------------------------


def _compact(text: str) -> str:
    return _SKIP.sub("", text).lower()


def _leaves(node: ProposedNode) -> int:
    return sum(_leaves(c) for c in node.children) if node.children else 1


def _head(text: str) -> str:
    """A name from a text: its words up to the first sentence break or colon."""
    m = re.match(r"(.{3,120}?)[.:](?:\s|$)", text)
    return (m.group(1) if m else text[:120]).strip()


class Checker:
    """Checks proposals against one policy's pages; ``problems`` lists what was dropped."""

    def __init__(self, pages: PageText) -> None:
        self.pages = pages
        self.problems: list[str] = []
        self._whole = _compact(" ".join(pages.pages))
        self._defined = defined_abbreviations(" ".join(pages.pages))
        # Criteria dropped (or kept cut short) per indication id; "*": the whole tree.
        self.dropped: dict[str, int] = {}
        self.flagged: dict[str, int] = {}  # cut short
        self.within = "*"  # the indication being checked

    def lost(self, count: int, where: str | None = None) -> None:
        """``count`` proposed criteria are not in the tree (at least one: a dropped group
        changes its parent's logic even when it had no criteria)."""
        key = where or self.within
        self.dropped[key] = self.dropped.get(key, 0) + max(count, 1)

    def locate(self, what: str, text: str, page: int, under: int = 0) -> tuple[str, int] | None:
        """(verbatim text, page) where the text is printed on ``page`` or next to it; else
        None, and a problem that says where else it is printed, if anywhere."""
        text = " ".join(text.split())
        short = text if len(text) <= 90 else text[:87] + "..."
        if len(_compact(text)) < 3:
            self.problems.append(f"page {page}: {what} “{short}” is too short to check; dropped")
            return None
        if 1 <= page <= len(self.pages.pages) and (found := self.find(text, page)):
            return found
        elsewhere = next(
            (
                found[1]
                for p in range(1, len(self.pages.pages) + 1)
                if (found := self.find(text, p))
            ),
            None,
        )
        where = f" (printed on page {elsewhere})" if elsewhere else ""
        self.problems.append(
            f"page {page}: {what} “{short}” is not printed on page {page}{where}; dropped"
            + (f" with the {under} criteria under it" if under else "")
        )
        return None

    def find(self, text: str, page: int) -> tuple[str, int] | None:
        """The verbatim checker's match; a short text ("Insomnia", "Eucrisa;", a drug in a
        table) must be whole words, or it would be found inside any longer word."""
        if len(_compact(text)) >= _SHORT:
            found, at, verified = _verbatim(text, page, self.pages)
            return (found, at) if verified else None
        words = text.strip(" ;,").split()
        pattern = r"(?<!\w)" + r"\s*".join(re.escape(w) for w in words) + r"(?!\w)"
        for flags in (0, re.I):
            for p in (page, page + 1, page - 1):
                if 1 <= p <= len(self.pages.pages):
                    if m := re.search(pattern, self.pages.pages[p - 1], flags):
                        return normalize(m.group(0)), p
        return None

    def cut_short(self, text: str, page: int) -> str | None:
        """The words the page goes on with where a criterion stops mid-sentence ("Patient
        is 12 years of age" printed "... of age or older"): a copy cut short is printed,
        yet says something else."""
        if text.rstrip()[-1:] in {".", ";", ":"}:
            return None
        compact, index = self.pages.compact[page - 1]
        needle = _SKIP.sub("", text)
        hay, key = (compact, needle) if needle in compact else (compact.lower(), needle.lower())
        found = [m.start() for m in re.finditer(re.escape(key), hay)] if needle else []
        if not found:  # a spread match (a table cell): no one place to look
            return None
        # the words may be printed twice ("reliever medications" in one list, "reliever
        # medication" in the next): cut short only where every printing goes on
        pieces = [self._goes_on(page, index[at + len(needle) - 1]) for at in found]
        return None if None in pieces else pieces[0]

    def _goes_on(self, page: int, end: int) -> str | None:
        rest = self.pages.pages[page - 1][end + 1 :]
        if _MARKER.match(rest.lstrip()):
            return None  # the next item's marker ("b.", "(ii)")
        piece = re.split(r"[;.:]", rest, maxsplit=1)[0].strip()
        words = piece.split()
        if not words or len(words) > 6 or not words[0][:1].islower():
            return None  # the next item, a heading, or the sentence's end
        if piece.lower() in {"and", "or", "and/or"}:
            return None
        return piece

    def printed_near(self, text: str, first: int, last: int) -> bool:
        """The text is printed on one of pages ``first``..``last`` (a code or a duration)."""
        near = " ".join(self.pages.pages[max(0, first - 1) : last])
        return bool(text.strip()) and _compact(text) in _compact(near)

    def node(self, proposed: ProposedNode, node_id: str) -> PolicyNode | None:
        op = proposed.op
        if op not in OPS:
            self.problems.append(
                f"page {proposed.page}: node {node_id} has the logic {op!r}, not one of "
                f"{', '.join(OPS)}; dropped"
            )
            self.lost(_leaves(proposed))
            return None
        what = "criterion" if op == "leaf" else "group"
        found = self.locate(
            f"{what} {node_id}",
            proposed.text,
            proposed.page,
            _leaves(proposed) if proposed.children else 0,
        )
        if found is None:
            self.lost(_leaves(proposed))
            return None
        text, page = found
        if op == "leaf":
            if proposed.children:
                self.problems.append(
                    f"page {page}: criterion {node_id} has items under it but no logic; dropped"
                )
                self.lost(_leaves(proposed))
                return None
            if rest := self.cut_short(text, page):
                self.problems.append(
                    f"page {page}: criterion {node_id} may be cut short: the page goes on "
                    f"“{rest}”; kept, check it"
                )
                self.flagged[self.within] = self.flagged.get(self.within, 0) + 1
            kind, extracted = classify(text, [])
            return PolicyNode(
                id=node_id, text=text, page=page, kind=kind, fields=extracted, verified=True
            )  # type: ignore[arg-type]
        children: list[PolicyNode] = []
        for child in proposed.children:
            kept = self.node(child, f"{node_id}.{len(children) + 1}")
            if kept is not None:
                children.append(kept)
        count = len(children)
        if not count:
            self.problems.append(f"page {page}: group {node_id} has no item printed; dropped")
            if not proposed.children:  # else its items were counted as they were dropped
                self.lost(1)
            return None
        n = {"all_of": count, "any_of": 1}.get(op, proposed.n)
        if not 1 <= n <= count:
            self.problems.append(
                f"page {page}: group {node_id} asks at least {proposed.n} of {count} items "
                f"(of {len(proposed.children)} proposed); dropped"
            )
            self.lost(sum(len(c.leaves()) for c in children))
            return None
        return PolicyNode(
            id=node_id, text=text, page=page, op=op, n=n, verified=True, children=children
        )  # type: ignore[arg-type]

    def branch(self, proposed: ProposedBranch, node_id: str) -> Branch | None:
        kind = proposed.request_type
        if kind not in REQUEST_TYPES:
            self.problems.append(
                f"page {proposed.node.page}: branch {node_id} is for {kind!r}; read as any"
            )
            kind = "any"
        node = self.node(proposed.node, node_id)
        if node is None:
            return None
        approval = " ".join(proposed.approval.split()) or None
        if approval and not self.printed_near(approval, node.page - 1, node.page + 1):
            self.problems.append(
                f"page {node.page}: approval “{approval}” of {node_id} is not printed there; "
                "left out"
            )
            approval = None
        return Branch(request_type=kind, approval=approval, node=node)  # type: ignore[arg-type]

    def name(self, what: str, name: str, text: str, page: int) -> str:
        name = " ".join(name.split())
        # a name with the policy's own abbreviations spelled out (section_names.spell_out)
        where = _compact(text) + self._whole
        if name and any(_compact(n) in where for n in (name, fold_back(name, self._defined))):
            return name
        if name:
            self.problems.append(
                f"page {page}: {what} name “{name[:80]}” is not printed in the policy; "
                "named by its text"
            )
        return _head(text)

    def indication(self, proposed: ProposedIndication, ind_id: str) -> Indication | None:
        # An indication gone changes every review (its condition may then meet a catch-all
        # exclusion): its criteria count for the whole tree.
        self.within = "*"
        found = self.locate(f"indication {ind_id}", proposed.text, proposed.page)
        if found is None:
            self.lost(sum(_leaves(b.node) for b in proposed.branches))
            return None
        self.within = ind_id
        text, page = found
        codes = []
        for code in proposed.icd10:
            code = "".join(code.split())
            if code and all(self.printed_near(part, page, page + 1) for part in code.split("-")):
                codes.append(code)
            elif code:
                self.problems.append(
                    f"page {page}: ICD-10 {code} of indication {ind_id} is not printed on "
                    f"page {page} or {page + 1}; left out"
                )
        branches: list[Branch] = []
        for k, proposed_branch in enumerate(proposed.branches, 1):
            tag = proposed_branch.request_type[:1] if proposed_branch.request_type else "b"
            if branch := self.branch(proposed_branch, f"{ind_id}.{tag}{k}"):
                branches.append(branch)
        if not branches:
            self.problems.append(
                f"page {page}: indication {ind_id} ({proposed.name[:60]}) has no criteria "
                "printed; dropped"
            )
            self.lost(self.dropped.pop(ind_id, 0) + self.flagged.pop(ind_id, 0), "*")
            self.within = "*"
            return None
        kinds = {b.request_type for b in branches}
        self.within = "*"
        return Indication(
            id=ind_id,
            name=self.name(f"indication {ind_id}", proposed.name, text, page),
            text=text,
            page=page,
            icd10=codes or F.icd10_codes(text),
            # Initial and renewal criteria printed in separate sections: the indication
            # answers the one request type its branches are for.
            request_type=kinds.pop() if len(kinds) == 1 else "any",  # type: ignore[arg-type]
            branches=branches,
        )

    def exclusion(self, proposed: ProposedExclusion, ex_id: str) -> Exclusion | None:
        found = self.locate(f"exclusion {ex_id}", proposed.text, proposed.page)
        if found is None:  # a use the plan excludes, now open to approval
            self.lost(1, "*")
            return None
        text, page = found
        catch_all = proposed.catch_all and bool(_ANY_OTHER.search(text))
        if proposed.catch_all and not catch_all:
            # A catch-all applied to a named exclusion would deny every listed use.
            self.problems.append(
                f"page {page}: exclusion {ex_id} is not an 'any other use' statement; read "
                "as a named exclusion"
            )
        return Exclusion(
            id=ex_id,
            name="any use not listed in the policy"
            if catch_all
            else self.name(f"exclusion {ex_id}", proposed.name, text, page),
            text=text,
            page=page,
            icd10=F.icd10_codes(text),
            catch_all=catch_all,
            verified=True,
        )


def checked_tree(
    proposals: list[ProposedTree],
    pages: PageText,
    *,
    source_id: str,
    file: str,
    title: str,
    compiler: str,
) -> PolicyTree:
    """The tree of what the proposals (one per window of pages) print, in order."""
    check = Checker(pages)
    indications: list[Indication] = []
    exclusions: list[Exclusion] = []
    # One indication proposed again by the next window (named on the page after its
    # window) is kept once; two in one window are two (a condition's initial and renewal
    # sections may open with the same words).
    earlier: set[tuple[str, int]] = set()
    # Ids count what was proposed, so a problem's id names the proposal it is about.
    ind_ids = (f"M{k}" for k in range(1, 10**6))
    ex_ids = (f"MX{k}" for k in range(1, 10**6))
    for proposal in proposals:
        now: set[tuple[str, int]] = set()
        for proposed in proposal.indications:
            ind = check.indication(proposed, next(ind_ids))
            if ind is not None and (key := (_compact(ind.text), ind.page)) not in earlier:
                now.add(key)
                indications.append(ind)
        for proposed_ex in proposal.exclusions:
            ex = check.exclusion(proposed_ex, next(ex_ids))
            if ex is not None and (key := ("x" + _compact(ex.text), ex.page)) not in earlier | now:
                now.add(key)
                exclusions.append(ex)
        earlier |= now
    if not indications:
        check.problems.append(EMPTY)
    tree = PolicyTree(
        source_id=source_id,
        file=file,
        title=title,
        compiler=compiler,
        indications=indications,
        exclusions=exclusions,
        problems=check.problems,
        checksum=source_id,
        dropped=check.dropped,
        cut_short=check.flagged,
    )
    tree.problems.extend(resolve_references(tree))
    return tree


def not_deciding(tree: PolicyTree) -> str | None:
    """For a policy's listing: where an unconfirmed model tree decides nothing, and why."""
    if tree.tree_status == "confirmed" or not (tree.dropped or tree.cut_short):
        return None
    keys = {*tree.dropped, *tree.cut_short}
    where = "every indication" if "*" in keys else "indications " + ", ".join(sorted(keys))
    return (
        f"{where} decide nothing until a person confirms the tree: "
        f"{sum(tree.dropped.values())} criteria dropped by the model compiler's checks, "
        f"{sum(tree.cut_short.values())} flagged cut short"
    )


def abstain_reason(tree: PolicyTree, indication: str | None = None) -> str | None:
    """Why this tree must not decide a review (None: it may). An unconfirmed model tree
    whose checks dropped criteria, or kept one cut short, anywhere in the tree ("*") or in
    ``indication`` (the one the case matched; None: before an indication is chosen). A
    confirmed tree decides: a person read it against the policy."""
    if tree.tree_status == "confirmed":
        return None
    keys = ["*"] if indication is None else ["*", indication]
    dropped = sum(tree.dropped.get(k, 0) for k in keys)
    cut = sum(tree.cut_short.get(k, 0) for k in keys)
    if not dropped and not cut:
        return None
    counts = [f"{dropped} criteria dropped by the checks"] if dropped else []
    counts += [f"{cut} criteria flagged cut short"] if cut else []
    return (
        f"policy tree compiled by {tree.compiler}, {', '.join(counts)}, unconfirmed: it "
        "decides once a person confirms the tree (necessity policy confirm, or the "
        "Policies page)"
    )
