"""Types of a compiled policy and of its application to one case."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Op = Literal["all_of", "any_of", "at_least", "leaf"]
Status = Literal["met", "not_met", "not_documented", "not_applicable"]
# a reader's decision on one criterion: (status, the facts it cites, why)
Found = tuple[str, list[str], str]
CriterionKind = Literal[
    "age",
    "prescriber",
    "prior_therapy",
    "established_therapy",
    "response",
    "lab_or_score",
    "dose",
    "diagnosis",
    "documentation",
    "reference",  # points at another branch of the policy or another document
    "other",
]


class PolicyNode(BaseModel):
    """One item of the policy's outline: a group (its stem says how its children combine)
    or a leaf criterion. ``text`` is the item's words as printed (verbatim, whitespace
    collapsed) on ``page``."""

    id: str  # the outline path, e.g. "2.A.ii.a"
    label: str = ""  # the printed marker: "ii", "a", "(1)", "•"
    text: str
    page: int  # 1-based
    op: Op = "leaf"
    n: int = 1  # for at_least
    kind: CriterionKind = "other"
    fields: dict = Field(default_factory=dict)  # numbers with units, drugs, specialties
    notes: list[str] = Field(default_factory=list)  # "Note: ..." lines under the item
    verified: bool = False  # text found on its page of the PDF
    children: list[PolicyNode] = Field(default_factory=list)

    def leaves(self) -> list[PolicyNode]:
        if self.op == "leaf":
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    def nodes(self) -> list[PolicyNode]:
        """This node and every node below it, in document order."""
        return [self, *(n for child in self.children for n in child.nodes())]


class Branch(BaseModel):
    """An indication's initial or continuation criteria (A / B in most policies)."""

    request_type: Literal["initial", "continuation", "any"] = "any"
    approval: str | None = None  # "6 months", "1 year"
    node: PolicyNode


class Indication(BaseModel):
    id: str  # "2"
    name: str  # "Crohn's Disease"
    text: str
    page: int
    icd10: list[str] = Field(default_factory=list)  # codes and ranges ("M32.10-M32.9")
    section: str = ""  # "FDA-Approved Indications", "Other Uses with Supportive Evidence"
    # Where initial and continuation criteria sit in separate sections, each indication
    # answers one request type; "any" where its branches say it themselves.
    request_type: Literal["initial", "continuation", "any"] = "any"
    branches: list[Branch] = Field(default_factory=list)


class Exclusion(BaseModel):
    """A use the plan does not cover: a named condition or situation, or every use not
    listed (``catch_all``)."""

    id: str
    name: str
    text: str
    page: int
    icd10: list[str] = Field(default_factory=list)
    catch_all: bool = False
    verified: bool = False


# The problem an empty tree is reported with, by either compiler (ingest names it too).
EMPTY = "no indication with criteria found: the policy could not be structured"


class PolicyTree(BaseModel):
    source_id: str
    file: str
    title: str
    compiler: str
    scope: str = ""  # the words before the first indication: title, products, statement
    indications: list[Indication] = Field(default_factory=list)
    exclusions: list[Exclusion] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)  # what could not be structured, with pages
    declared_by: str | None = None  # who declared the document a policy, when
    checksum: str = ""  # sha256 of the PDF's bytes = source_id
    # Set when loaded, from the confirmation record (never trusted from a tree's own JSON):
    # "unconfirmed" is the compiler's reading; "confirmed" a person's, version ``version``.
    tree_status: Literal["confirmed", "unconfirmed"] = "unconfirmed"
    version: int = 0  # 0: the compiled tree; N: the Nth confirmed version
    confirmed_by: str | None = None
    confirmed_at: str | None = None
    withheld: str | None = None  # why this policy decides nothing (a tampered confirmed tree)
    # A model-compiled tree (model_check.py): per indication id, how many of the model's
    # proposed criteria the checks dropped, or kept flagged cut short; "*" for the whole
    # tree (an indication or an exclusion dropped). Unconfirmed, such a tree does not
    # decide where they are (model_check.abstain_reason): its logic is no longer the policy's.
    dropped: dict[str, int] = Field(default_factory=dict)
    cut_short: dict[str, int] = Field(default_factory=dict)
    # The model compile that gave no usable tree (model_compiler.attempt): this rules tree
    # stands in for it, and the same settings take it from the cache rather than call the
    # failing endpoint at every ingest (``necessity ingest --policy FILE --recompile`` retries).
    fallback_for: str | None = None


class Judgment(BaseModel):
    """One criterion (or exclusion) judged against the case."""

    node_id: str
    text: str
    page: int
    op: Op = "leaf"
    status: Status
    facts: list[str] = Field(default_factory=list)  # case-fact ids
    # fact_question: the model's yes to one fact (policy/fact_question.py), checked by code
    method: Literal["rule", "model", "fact_question", "tree", "none"] = "none"
    reason: str = ""
    problems: list[str] = Field(default_factory=list)
    depth: int = 0


class PolicyDecision(BaseModel):
    """The worksheet: which policy, which indication and why, every criterion's status."""

    policy_source_id: str | None = None
    policy_title: str | None = None
    policy_file: str | None = None
    policy_checksum: str | None = None
    compiler: str | None = None
    # Whether a person confirmed the tree that decided (unconfirmed: the compiler's reading).
    tree_status: Literal["confirmed", "unconfirmed"] | None = None
    tree_version: int | None = None
    confirmed_by: str | None = None
    confirmed_at: str | None = None
    # Why the tree did not decide: unconfirmed, with criteria the model compiler's checks
    # dropped (model_check.abstain_reason); the verdict is then insufficient_information.
    abstained: str | None = None
    prompt: str | None = None  # the criterion judge's prompt id, when the model was asked
    indication_id: str | None = None
    indication: str | None = None
    indication_page: int | None = None
    branch: str | None = None
    approval: str | None = None
    match_reason: str = ""
    judgments: list[Judgment] = Field(default_factory=list)
    exclusions: list[Judgment] = Field(default_factory=list)
    status: Status | None = None  # of the indication's tree
    verdict: Literal["medically_necessary", "not_medically_necessary", "insufficient_information"]
    rule: str
    missing: list[str] = Field(default_factory=list)  # criteria not documented
    llm_calls: int = 0
