"""A random policy layout, drawn from independent dimensions (issue 25's list): document
heading words, condition section headings, branch names and where they sit, list markers
per level, indentation, where the logic is written, page breaks inside lists, running
headers and footers, approval-duration lines, exclusions, trailing reference lists."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _alpha(i: int) -> str:
    return chr(97 + i) if i < 26 else chr(97 + i // 26 - 1) + chr(97 + i % 26)


# marker kind -> index -> printed marker
MARKERS: dict[str, Callable[[int], str]] = {
    "1.": lambda i: f"{i + 1}.",
    "1)": lambda i: f"{i + 1})",
    "(1)": lambda i: f"({i + 1})",
    "a.": lambda i: f"{_alpha(i)}.",
    "a)": lambda i: f"{_alpha(i)})",
    "(a)": lambda i: f"({_alpha(i)})",
    "A.": lambda i: f"{_alpha(i).upper()}.",
    "(A)": lambda i: f"({_alpha(i).upper()})",
    "i.": lambda i: f"{ROMAN[i]}.",
    "(i)": lambda i: f"({ROMAN[i]})",
    "•": lambda i: "•",
    "–": lambda i: "–",
    "▪": lambda i: "▪",
    "o": lambda i: "o",
    "[ ]": lambda i: "[ ]",
}
ORDERED = ["1.", "1)", "(1)", "a.", "a)", "(a)", "A.", "(A)", "i.", "(i)"]
BULLETS = ["•", "–", "▪", "o", "[ ]"]

DOC_HEADINGS = [
    "Criteria",
    "POLICY:",
    "COVERAGE GUIDELINES",
    "Coverage Criteria",
    "Approval Criteria",
    "Clinical Criteria",
    "Policy",
    "Medical Necessity Criteria",
    "Criteria for Approval",
    "Policy Statement",
    "Endnotes",
    "Guidelines",
    "Coverage Policy",
    "Prior Authorization Criteria",
]
INITIAL = [
    "Initial Authorization",
    "Initial Approval",
    "Initial Therapy",
    "Initial Approval Criteria",
    "Initial Authorization Criteria",
    "Initial Request",
    "New Starts",
]
CONTINUATION = [
    "Reauthorization",
    "Renewal",
    "Continued Therapy",
    "Continuation",
    "Recertification",
    "Continuation of Therapy",
    "Renewal Criteria",
    "Reauthorization Criteria",
]
DURATIONS = [
    "Approval duration: {m} months",
    "Authorization period: up to {m} months",
    "Approval will be granted for {m} months.",
    "Duration of approval: {m} months",
    "Length of authorization: {m} months",
]
EXCLUSION_HEADINGS = [
    "Exclusions",
    "Not Covered",
    "Experimental/Investigational",
    "Limitations and Exclusions",
    "Coverage is not provided for the following",
    "Not Medically Necessary",
]
FONTS = ["helvetica", "times", "dejavu"]


@dataclass
class Layout:
    seed: int
    font: str
    size: float
    doc_heading: str
    doc_heading_marker: str  # "", "II.", "2."
    intro: bool
    cond_style: str  # plain numbered lettered roman caps label icd
    cond_bold: bool
    by_branch: bool  # "Initial Approval" parts holding condition sections
    branch_style: str  # heading / label (run into the root's lead-in) / marked
    initial_name: str
    continuation_name: str
    markers: list[str]  # criteria marker kind per level
    indent: float  # mm per level (0: flat, markers only)
    logic: str  # lead / ends / between / lead+ends
    end_words: tuple[str, str]  # (and, or) at line ends
    between_words: tuple[str, str]  # (and, or) on lines of their own
    page_breaks: float  # chance of a forced page break before a list item
    header: str  # "", "plan", "plan+page"
    footer: str  # "", "page", "page+copyright"
    duration: str  # "" or a DURATIONS template
    exclusions: str  # "" or a heading
    exclusions_first: bool  # before the criteria (after the intro)
    references: bool
    indication_list: bool  # "FDA-approved indications" bullets before the criteria
    leaf_end: str  # "", ".", ";"
    tail: float  # chance a criterion runs on past its gold first words
    drop_continuation: float
    # the criteria's arrangement: "outline" (fuzz_render.py) or one of fuzz_styles.STYLES
    style: str = "outline"
    inline: float = 0.0  # chance a small group is written inline ("either (a) ... or (b)")
    counts: list[int] = field(default_factory=list)


def draw_layout(seed: int) -> Layout:
    rng = random.Random(seed)
    cond_style = rng.choice(["plain", "numbered", "lettered", "roman", "caps", "label", "icd"])
    taken = {"numbered": "1.", "lettered": "A.", "roman": "i."}.get(cond_style, "")
    ordered = [m for m in ORDERED if m != taken]
    depth_kinds: list[str] = []
    for level in range(4):
        pool = ordered + BULLETS if level else ordered + BULLETS[:3]
        pool = [m for m in pool if m not in depth_kinds]
        depth_kinds.append(rng.choice(pool))
    logic = rng.choice(["lead", "lead", "ends", "between", "lead+ends"])
    return Layout(
        seed=seed,
        font=rng.choice(FONTS),
        size=rng.choice([9.5, 10, 10.5, 11]),
        doc_heading=rng.choice(DOC_HEADINGS),
        doc_heading_marker=rng.choice(["", "", "II.", "2.", "B."]),
        intro=rng.random() < 0.6,
        cond_style=cond_style,
        cond_bold=rng.random() < 0.8,
        by_branch=rng.random() < 0.3,
        branch_style=rng.choice(["heading", "heading", "label", "marked"]),
        initial_name=rng.choice(INITIAL),
        continuation_name=rng.choice(CONTINUATION),
        markers=depth_kinds,
        indent=0.0 if rng.random() < 0.15 else round(rng.uniform(4, 11), 1),
        logic=logic,
        end_words=rng.choice(
            [("; AND", "; OR"), ("; and", "; or"), (" AND", " OR"), (", and", ", or")]
        ),
        between_words=rng.choice(
            [("-AND-", "-OR-"), ("AND", "OR"), ("- AND -", "- OR -"), ("and", "or")]
        ),
        page_breaks=rng.choice([0.0, 0.03, 0.08]),
        header=rng.choice(["", "plan", "plan+page"]),
        footer=rng.choice(["", "page", "page+copyright"]),
        duration=rng.choice(["", *DURATIONS]),
        exclusions=rng.choice(["", *EXCLUSION_HEADINGS]),
        exclusions_first=rng.random() < 0.2,
        references=rng.random() < 0.4,
        indication_list=rng.random() < 0.25,
        leaf_end=rng.choice(["", ".", ";"]),
        tail=rng.choice([0.0, 0.3, 0.7]),
        drop_continuation=rng.choice([0.0, 0.2]),
        # drawn last, so the dimensions above stay what they were for each seed
        style=rng.choice(["outline"] * 5 + ["decimal", "paragraph", "grid", "twocol", "partd"]),
        inline=rng.choice([0.0, 0.0, 0.5]),
    )
