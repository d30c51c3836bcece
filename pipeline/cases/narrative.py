"""Narrative notes: the model selects numbered sentences and names what they state; the
code quotes the sentence as found on the page and drops any name no sentence states."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from pipeline.cases.facts import Draft, flat_name, same_name, source
from pipeline.cases.identifiers import mask
from pipeline.cases.labs import lab_rows
from pipeline.cases.packet import PacketPage
from pipeline.cases.prose import from_prose, is_condition, is_strength_listing, is_therapy
from pipeline.cases.vocabulary import known_drug
from pipeline.llm import LLMClient, LLMError
from pipeline.llm.prompts import load_prompt
from pipeline.models import Diagnosis, FactSource, PriorTherapy
from pipeline.sources.injection import instruction_flags

PROMPT = "case-extract@1"
MAX_SENTENCES = 60  # per model call: a small model loses track of longer lists

_NARRATIVE_HEADS = re.compile(
    r"\b(assessment|impression|plan|findings|history of present illness|hpi)\b", re.I
)


def is_narrative(page: PacketPage) -> bool:
    return not page.values and not lab_rows(page) and len(page.text) > 40


_BREAK = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!Mrs\.)(?<!\bSt\.)(?<!\bvs\.)(?<!e\.g\.)(?<!i\.e\.)"
    r"(?<=[.!?])\s+(?=[A-Z#(])"  # sentence ends (not after Dr., e.g. ...)
    r"|\s+-\s+(?=[A-Z])"  # list items: " - Continue ..."
    r"|\s+(?=#[A-Za-z])"  # problem-list items: "#Anemia"
    r"|(?<=[a-z])\s+(?=(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+:\s)"  # "... note Assessment: "
)


def sentences(text: str) -> list[str]:
    """Sentences and list items of a page, each a span of the page text as found there. A
    piece too short to stand alone ("Plan:") runs on into the next one."""
    spans, at = [], 0
    for match in _BREAK.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    out: list[str] = []
    carry: int | None = None
    for begin, end in spans:
        begin = carry if carry is not None else begin
        piece = text[begin:end].strip(" -")
        if len(piece) < 12:
            carry = begin if piece else None
            continue
        carry = None
        while len(piece) > 300:  # a run-on line: cut at a word near 300 characters
            cut = piece.rfind(" ", 0, 300)
            cut = cut if cut > 100 else 300
            out.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        out.append(piece)
    return out


def _numbered(pages: list[PacketPage]) -> list[tuple[str, PacketPage]]:
    return [(s, page) for page in pages for s in sentences(page.text)]


def _contains(sentence: str, name: str) -> bool:
    return bool(flat_name(name)) and f" {flat_name(name)} " in f" {flat_name(sentence)} "


def _is_name(name: str) -> bool:
    """A drug or condition name, not a sentence the model copied into the name field, nor a
    finding ("Segmental strictures observed")."""
    return (
        2 <= len(name) <= 60
        and len(name.split()) <= 6
        and ":" not in name
        and not _FINDING.search(name)
    )


_FINDING = re.compile(r"\b(observed|present|noted|seen|found|shown|demonstrated)\.?$", re.I)
# What a sentence about a therapy the patient had says: a dose, a schedule, a verb of taking.
_THERAPY_CUE = re.compile(
    r"\b(\d+\s*(mg|mcg|g|ml|units?)\b|daily|weekly|monthly|twice|dose|tablet|injection|"
    r"infusion|therap|treat|trial|tried|took|taking|start|continu|discontinu|stopp|fail|"
    r"receiv|regimen|diet|medication|drug|course)",
    re.I,
)


MAX_MODEL_CALLS = 8  # per packet: 999 tiny files are not 999 calls; the rest read by code
# Beyond the patterns sources are checked for: commands about a case's own fields.
_CASE_COMMAND = re.compile(
    r"\b(add|list|include|report|record) \w+ as (a |the )?(prior therap|diagnos|requested)"
    r"|\b(respond|answer|reply|output) (only )?(with|in) (json|the following)",
    re.I,
)


def is_instruction(sentence: str) -> bool:
    """Text addressed to a model rather than a clinician's statement."""
    return bool(instruction_flags(sentence) or _CASE_COMMAND.search(sentence))


def flag_instructions(pages: list[PacketPage], draft: Draft) -> set[str]:
    """The instruction-like sentences of these pages, each listed for the writer (quoted
    masked); they are data, never read as facts nor shown to the model."""
    flagged = set()
    for page in pages:
        for sentence in sentences(page.text):
            if is_instruction(sentence):
                flagged.add(sentence)
                quote = mask(sentence, draft.identifiers)[:120]
                draft.flagged.append(
                    f"{Path(page.file).name} p. {page.page}: instruction-like text, not read "
                    f"as a fact: {quote!r}"
                )
    return flagged


def read_narrative(
    documents: list[list[PacketPage]],
    draft: Draft,
    llm: LLMClient | None,
    model_slot: Callable[[], AbstractContextManager] | None = None,
) -> None:
    """Narrative pages read by the model in at most MAX_MODEL_CALLS calls (small documents
    share a call), each call inside ``model_slot`` where a server bounds its model calls;
    what is left, or everything without a model, read by code."""
    flagged = flag_instructions([p for pages in documents for p in pages], draft)
    items = [
        (s, page)
        for pages in documents
        for page in pages
        for s in sentences(page.text)
        if s not in flagged
    ]
    if llm is None:
        from_prose(items, draft)
        from_narrative_sections([p for pages in documents for p in pages], draft, flagged)
        return
    prompt = load_prompt(PROMPT)
    calls = 0
    for start in range(0, len(items), MAX_SENTENCES):
        batch = items[start : start + MAX_SENTENCES]
        names = ", ".join(dict.fromkeys(Path(p.file).name for _, p in batch))
        if calls >= MAX_MODEL_CALLS:
            draft.dropped.append(
                f"{names}: read without the model (a packet gets {MAX_MODEL_CALLS} model calls)"
            )
            from_prose(batch, draft)
            continue
        listing = "\n".join(
            f"S{i}: {mask(s, draft.identifiers)}" for i, (s, _) in enumerate(batch, 1)
        )
        messages = prompt.render(sentences=listing, document=names[:200])
        calls += 1
        try:
            with model_slot() if model_slot else nullcontext():
                data = llm.complete_json(messages, EXTRACT_SCHEMA, "case_extract").data
        except LLMError as exc:
            draft.dropped.append(f"{names}: the model failed ({exc})")
            from_prose(batch, draft)
            continue
        _apply_selection(data, batch, draft)
    from_prose(items, draft, therapies=False)


def _pick(batch: list[tuple[str, PacketPage]], n: object) -> tuple[str, PacketPage] | None:
    return batch[n - 1] if isinstance(n, int) and 1 <= n <= len(batch) else None


def _apply_selection(data: dict, batch: list[tuple[str, PacketPage]], draft: Draft) -> None:
    """The model's labels, each tied to a sentence that states it. A name must occur in the
    sentence the model cites or, failing that, in another sentence of the document (the
    code finds where it is stated); otherwise it is dropped and listed."""

    def stated(name: str, n: object, what: str) -> tuple[str, FactSource] | None:
        if not _is_name(name):
            draft.dropped.append(f"{what} {name[:60]!r}: not a name")
            return None
        picked = _pick(batch, n)
        if picked is None or not _contains(picked[0], name):
            picked = next(((s, p) for s, p in batch if _contains(s, name)), None)
        if picked is None:
            draft.dropped.append(f"{what} {name!r}: the document does not say it")
            return None
        text = mask(picked[0], draft.identifiers)
        return text, source(picked[1], text)

    if not isinstance(data, dict):
        draft.dropped.append(f"the model's reply was not an object ({type(data).__name__})")
        return
    prior_names = [t.name for t, _ in draft.prior]
    for item in _entries(data, "prior_therapies", draft):
        name = item["name"]
        if name and (found := stated(name, item.get("sentence"), "prior therapy")):
            if not _THERAPY_CUE.search(found[0]) or not is_therapy(name):
                draft.dropped.append(f"prior therapy {name!r}: not a therapy the sentence names")
            elif not any(same_name(name, known) for known in prior_names):
                draft.prior.append((PriorTherapy(name=name, response=found[0]), found[1]))
                prior_names.append(name)
    drug = data.get("requested_drug")
    drug = drug if isinstance(drug, dict) else {}
    name = drug.get("name").strip() if isinstance(drug.get("name"), str) else ""
    if name and draft.drug is None and (found := stated(name, drug.get("sentence"), "drug")):
        if known_drug(name) is None:
            draft.dropped.append(f"requested drug {name!r}: not a drug name the vocabulary knows")
        elif is_strength_listing(found[0]):
            draft.dropped.append(f"requested drug {name!r}: its line lists a strength to tick")
        elif any(same_name(p, name) for p in prior_names):
            draft.dropped.append(f"requested drug {name!r}: the packet lists it as a prior therapy")
        else:
            draft.drug = (name, found[1])
    for item in _entries(data, "diagnoses", draft):
        name = item["name"]
        if name and (found := stated(name, item.get("sentence"), "diagnosis")):
            if is_condition(name):
                draft.add_diagnosis(Diagnosis(name=name), found[1])
            else:
                draft.dropped.append(f"diagnosis {name[:60]!r}: not a condition")
    findings = data.get("findings")
    for n in findings if isinstance(findings, list) else []:
        picked = _pick(batch, n)
        if picked is not None:
            text = mask(picked[0], draft.identifiers)
            draft.add_history(text, source(picked[1], text))


def _entries(data: dict, key: str, draft: Draft) -> list[dict]:
    """The model's list under ``key`` as {name, sentence} items; anything else in a reply
    that is JSON of the wrong shape is listed and left out, never an error."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        draft.dropped.append(f"the model's {key} was not a list; left out")
        return []
    out = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append({"name": item["name"].strip(), "sentence": item.get("sentence")})
        else:
            draft.dropped.append(f"the model's {key} item {str(item)[:40]!r}: wrong shape")
    return out


def from_narrative_sections(
    pages: list[PacketPage], draft: Draft, flagged: set[str] = frozenset()
) -> None:
    """Without a model: the sentences under assessment / plan / impression / findings."""
    for page in pages:
        keep = False
        for sentence in sentences(page.text):
            if _NARRATIVE_HEADS.search(sentence[:40]):
                keep = True
            if keep and sentence not in flagged:
                text = mask(sentence, draft.identifiers)
                draft.add_history(text, source(page, text))


EXTRACT_SCHEMA: dict = {
    "type": "object",
    "properties": {
        "requested_drug": {
            "type": "object",
            "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
            "required": ["sentence", "name"],
            "additionalProperties": False,
        },
        "diagnoses": {
            "type": "array",
            "maxItems": 6,
            "items": {
                "type": "object",
                "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["sentence", "name"],
                "additionalProperties": False,
            },
        },
        "prior_therapies": {
            "type": "array",
            "maxItems": 8,
            "items": {
                "type": "object",
                "properties": {"sentence": {"type": "integer"}, "name": {"type": "string"}},
                "required": ["sentence", "name"],
                "additionalProperties": False,
            },
        },
        "findings": {"type": "array", "maxItems": 20, "items": {"type": "integer"}},
    },
    "required": ["requested_drug", "diagnoses", "prior_therapies", "findings"],
    "additionalProperties": False,
}
