"""Step-therapy tiers of one drug class as indications: a state drug list's "STEP 2
CRITERIA: PULMONARY ARTERIAL HYPERTENSION" / "STEP 3 CRITERIA: ..." bands, each over a
lead-in and its numbered criteria, beside bands for other uses of the class ("CTEPH
CRITERIA: RIOCIGUAT") and one renewal band ("RENEWAL CRITERIA") that continues every tier
(or the ones its lead-in names: "Renewal (Step 2, Step 3 and CTEPH): ...").

A band is a line at the margin in capitals ending in, or made of, "<LABEL> CRITERIA"; the
reader runs only where at least one band names a step or tier ("STEP 2 CRITERIA"), so a
sheet whose bands are only branch names ("INITIAL APPROVAL CRITERIA:") is left to the
section reader. Another heading in capitals ("NOT APPROVED", "QUANTITY LIMITS") ends a band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy.branch_names import _branch_kind
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.layout_text import Line
from pipeline.policy.models import Branch, Indication
from pipeline.policy.sections import _Branch, _copy, _root
from pipeline.policy.wording import _APPROVE_FOR

_TIER = re.compile(
    r"^(?P<label>(?:STEP|TIER|LEVEL)\s+\d{1,2})\s+CRITERIA\b\s*[:\-–—]?\s*(?P<rest>.*)$", re.I
)
_BAND = re.compile(
    r"^(?P<label>[A-Z0-9][A-Za-z0-9 /&'()\-]{0,50}?)\s+(?:CRITERIA|Criteria)\b\s*[:\-–—]?\s*"
    r"(?P<rest>.*)$"
)
_TIER_LABEL = re.compile(r"^(?:STEP|TIER|LEVEL)\s+\d", re.I)
_MAX_WORDS = 12
_JOINING = {"of", "and", "the", "in", "with"}  # words inside a condition's name
_SMALL = {"of", "in", "and", "or", "the", "with", "due", "to", "for", "on", "by"}


@dataclass
class _Band:
    label: str  # "Step 2", "CTEPH", "Renewal"
    rest: str  # what the band names after its label: the condition, the drug
    line: Line
    renewal: bool
    lines: list[Line] = field(default_factory=list)
    index: list[int] = field(default_factory=list)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _titled(text: str) -> bool:
    """Title case: every word but the small ones capitalized ("Step 2 Criteria: Pulmonary
    Arterial Hypertension"), no list marker before it."""
    words = re.findall(r"[A-Za-z][\w'\-]*", text)
    return (
        bool(words)
        and not re.match(r"^(?:\d{1,2}|[a-zA-Z])[.)]\s", text)
        and all(w[0].isupper() or w.lower() in _SMALL for w in words)
    )


def _cased_line(text: str, titled: bool) -> bool:
    return _titled(text) if titled else _capitals(text)


def _band(line: Line, titled: bool = False) -> _Band | None:
    text = line.text.strip()
    if line.indent > 4 or not _cased_line(text, titled) or len(text.split()) > _MAX_WORDS:
        return None
    m = _TIER.match(text) or _BAND.match(text)
    if m is None:
        return None
    label, rest = m.group("label").strip(), m.group("rest").strip(" :")
    kind = _branch_kind(label.title())
    return _Band(_cased(label), rest, line, bool(kind and kind[0] == "continuation"))


def _cased(text: str) -> str:
    """Capitals in sentence case, abbreviations ("CTEPH", "PAH") kept."""
    words = text.split()
    keep = len(words) == 1 and not _TIER_LABEL.match(text)
    return " ".join(w if keep and len(w) <= 5 else w[:1] + w[1:].lower() for w in words)


def _stops(line: Line, titled: bool = False) -> bool:
    """Another heading in capitals (title case on a sheet whose bands are) at the margin
    ("NOT APPROVED", "References")."""
    text = line.text.strip()
    return (
        line.indent <= 4
        and _cased_line(text, titled)
        and len(text.split()) <= 8
        and ". " not in text
        and not (titled and text.endswith(":"))  # a lead-in in title case
    )


def _name(band: _Band) -> str:
    """ "Pulmonary arterial hypertension: Step 2" for a tier of a condition, the condition
    the label names otherwise ("CTEPH" over "RIOCIGUAT (ADEMPAS)")."""
    rest = " ".join(
        # "ANEMIA IN MDS" → "Anemia in MDS": short words other than these are abbreviations
        w.lower() if w.lower() in _SMALL else w[:1] + w[1:].lower() if len(w) > 3 else w
        for w in band.rest.split()
    )
    if _TIER.match(band.line.text.strip()):
        return f"{rest}: {band.label}" if rest else band.label
    if rest and names_condition(rest) and not names_condition(band.label):
        return rest
    return band.label


def spelled_out(abbr: str, texts: list[str]) -> str | None:
    """The words a criterion opens with that an abbreviation stands for ("CTEPH" →
    "Chronic thromboembolic pulmonary hypertension"): a band named only by its letters,
    its condition written out in the criteria below it. The first and last words start
    with its first and last letters, and its letters run in order through the words."""
    if not re.fullmatch(r"[A-Z]{2,6}", abbr):
        return None
    for text in texts:
        words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text.split("(")[0])[:8]
        for k in range(2, len(words) + 1):
            head = words[:k]
            joined = "".join(re.sub(r"[^A-Za-z]", "", w) for w in head).upper()
            initials = "".join(w[0] for w in head if w.lower() not in _JOINING).upper()
            if (
                initials[:1] == abbr[0]
                and head[-1][0].upper() == abbr[-1]
                and len(initials) >= len(abbr) - 1
                and _spells(abbr, initials)  # every word's initial is one of its letters
                and _spells(joined, abbr)
            ):
                return " ".join(head)
    return None


def _spells(word: str, letters: str) -> bool:
    at = 0
    for ch in letters:
        at = word.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _read_bands(lines: list[Line], titled: bool = False) -> list[_Band]:
    bands: list[_Band] = []
    current: _Band | None = None
    for at, line in enumerate(lines):
        band = _band(line, titled)
        if band is not None:
            bands.append(band)
            band.index.append(at)
            current = band
            continue
        if current is None:
            continue
        if _stops(line, titled):
            current = None
            continue
        current.lines.append(line)
        current.index.append(at)
    return bands


def _renews(band: _Band, tiers: list[_Band]) -> list[_Band]:
    """The tiers a renewal band continues: those its lead-in names, else all of them."""
    said = " ".join(x.text for x in band.lines[:2]).lower()
    named = [t for t in tiers if re.search(rf"\b{re.escape(t.label.lower())}\b", said)]
    return named or tiers


def tier_indications(
    lines: list[Line], pages, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from step-tier bands and the line indices they hold, or None where
    the policy has no band naming a step or tier."""
    bands = _read_bands(lines)
    if not any(_TIER.match(b.line.text.strip()) for b in bands):
        # "Step 2 Criteria: Pulmonary Arterial Hypertension": bands in title case
        bands = _read_bands(lines, titled=True)
    if not any(_TIER.match(b.line.text.strip()) for b in bands) or len(bands) < 2:
        return None
    out: list[Indication] = []
    by_band: dict[int, Indication] = {}
    used: set[int] = set()
    for k, band in enumerate(bands, 1):
        if not band.lines:
            continue
        kind = "continuation" if band.renewal else "any"
        branch = _Branch(kind, band.line)
        branch.lines = band.lines
        node = _root(branch, f"B{k}", pages, problems)
        if node is None:
            continue
        used.update(band.index)
        if branch.approval is None and (m := _APPROVE_FOR.search(node.text)):
            branch.approval = m.group(1)  # "Renewal ...: approve for 12 months when ..."
        found = Branch(request_type=kind, approval=branch.approval, node=node)  # type: ignore[arg-type]
        if band.renewal:
            tiers = [b for b in bands if id(b) in by_band]
            for tier in _renews(band, tiers):
                ind = by_band[id(tier)]
                copy = found.model_copy(update={"node": _copy(node, ind.id)})
                ind.branches.append(copy)
                for b in ind.branches:
                    if b.request_type == "any":
                        b.request_type = "initial"
            continue
        lead = band.lines[0].text if band.lines else ""
        name = _name(band)
        if (full := spelled_out(name, [lead, *(x.text for x in node.leaves())])) is not None:
            name = f"{full} ({name})"  # "CTEPH": what its own criteria call it
        ind = Indication(
            id=f"B{k}",
            name=name,
            text=f"{band.line.text} {lead}",
            page=band.line.page,
            section=band.line.text,
            branches=[found],
        )
        by_band[id(band)] = ind
        out.append(ind)
    return (out, used) if out else None
