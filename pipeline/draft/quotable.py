"""What may be quoted in a clinical section of a review (issue 26).

A recommendation or a finding that names the case's condition, the requested drug or a
therapy on the condition's path. Never a heading (or a heading run into a sentence), a
caption, a reference-list entry, an author/method/voting-panel line, a research-agenda item,
a document's "about this summary" text, a disclaimer, a guideline's account of itself, or a
sentence whose subject is another disease with no word on this drug.

``why_not`` returns the reason a sentence is refused (None when it may be quoted), so tests
and the record can say why a sentence was left out.
"""

from __future__ import annotations

import re

from pipeline.retrieve.topic import CaseTopic, find_therapies

_COMPLETE = re.compile(r"^[\"'“(]?[A-Z0-9].*[.!?][\"'”)]?$", re.S)
_CITATION = re.compile(r"\b[A-Z][a-zA-Z'-]+ [A-Z]{1,3}[,.]")
# Guidelines set their recommendation statements as bold lines with no full stop; split
# from the text that follows them (chunk.sentence_spans) they are whole sentences all the same.
_STATEMENT = re.compile(
    r"^[A-Z][^.;:]*\b(?:(?:is|are) (?:strongly |conditionally )?recommended|"
    r"we (?:strongly |conditionally )?recommend)\b[^.;:]*[a-z0-9)]$",
    re.S,
)
# a table's imperative statement ("Treat with a TNFi biologic over an OSM (MTX, ...)",
# "Switch to a TNFi biologic over tofacitinib"): short, and may end on an abbreviation
_IMPERATIVE = re.compile(
    r"^(?:Treat|Use|Start|Switch to|Add)\s[^.;:]*\bover\b[^.;:]*[A-Za-z0-9)]$", re.S
)

# (reason, pattern): the first that matches names why a sentence is not quotable.
_REFUSE: list[tuple[str, re.Pattern]] = [
    ("caption", re.compile(r"^(figure|table|fig\.|box|appendix)\s*\d*\b", re.I)),
    (
        "reference entry",
        re.compile(
            r"\bet al\b|doi:|https?://|www\.|\b(19|20)\d\d;\s*\d+|\b\d+:\d+[–-]\d+\b|"
            # a DOI or a journal link cut from its "doi:"/"https://" ("1002/art.41191/
            # abstract)", "10.1136/annrheumdis-2019-216655"): a registrant code, a slash,
            # then a suffix with a dot and digits, or a link's tail
            r"\b(?:10\.)?\d{4,5}/[a-z][\w-]*\.\w*\d|/\s*(?:abstract|e?pdf)\b|"
            r"\b10\.\d{4,5}/\S|"
            # a numbered entry's author ("3. Smith AB"), in capitals: not a numbered
            # recommendation whose verb is followed by a short word ("8. Include in")
            r"(?-i:^\d+\.\s+[A-Z][a-z]+ [A-Z]{1,3}\b)|\bpress release\b|\b(inc|ltd|llc)\.",
            re.I,
        ),
    ),
    (
        "method or panel",
        re.compile(
            r"\b(voting panel|patient panel|core team|literature review|systematic review|"
            r"evidence report|PICOs?|GRADE|we searched|were screened|full-text|manuscripts?|"
            r"supplementary|appendix|conflicts? of interest|funding|corresponding author|"
            r"panel members?|panelists|voting|stakeholders|this recommendation (?:is|was)|"
            r"the panel (?:was|were|felt|agreed|voted|considered)|"
            r"delphi|consensus|certainty of evidence|"
            r"quality of evidence was rated|were rated|was rated|methodolog\w*)\b",
            re.I,
        ),
    ),
    (
        "table or reference numbers run in",
        re.compile(
            r"\((?:see )?tables? \d+\w?\)|^\d+(?:[–-]\d+)?(?:,\d+)*\s+(?:\d+\s+)?[A-Z]", re.I
        ),
    ),
    (
        "research agenda",
        re.compile(
            r"\b(research agenda|future research|further research|research is needed|"
            r"look toward the future|we can only hope|in the future|"
            r"studies are needed|further studies|knowledge gaps?|remains? unknown|"
            r"should be studied|warrant\w* further)\b",
            re.I,
        ),
    ),
    (
        "about the document",
        re.compile(
            r"\b(about this (summary|sample|document|guideline)|this (is a )?short summary|"
            r"written in our own words|sample for the|read the original|for clinical use|"
            r"this guideline|this summary|this document|this update|these guidelines|"
            r"these (?:\w+ )?recommendations|"
            r"the (current|present) recommendations|recommendations (are|were) conditional|"
            r"of the recommendations|the recommendations (address|cover|apply)|"
            r"strengthens the relevance|the inclusion of|the goal of|the purpose of|"
            r"we present|is intended to|are intended to|were developed|was developed|"
            r"update of the|updated? (guideline|recommendations)|updating|to provide|"
            r"(are|is) (also )?provided|the process (of|for)|(was|were) published|"
            r"the (first|second) part|the scope|clinical practice guidelines?)\b",
            re.I,
        ),
    ),
    (
        "about a recommendation",
        re.compile(
            r"\b(?:the|this|that|these|each) recommendations? (?:is|are|was|were) "
            r"(?:conditional|strong|based|made|in favou?r)|strength of the (?:following )?"
            r"recommendation|^(?:the|this|that|these|each) recommendations? (?:is|are|was|were)\b|"
            r"the following recommendations?\b|"
            r"\b(?:this|the|that) (?:conditional |strong )?recommendation (?:is made|was made|"
            r"considers|reflects|applies|refers|favou?rs)|\ba recommendation was made|"
            r"\bthe decision (?:on|about) whether\b",
            re.I,
        ),
    ),
    (
        "disclaimer",
        re.compile(
            r"\b(disclaimer|not intended|does not replace|clinical judgment|must not be used|"
            r"not the policy of|any real health plan|educational purposes?|no liability|"
            r"should not be construed|not a substitute)\b",
            re.I,
        ),
    ),
    (
        "administrative",
        re.compile(
            r"\b(prior authorization is required|coverage policy|this policy|"
            r"every request must|peer reviewer before|plan covers)\b",
            re.I,
        ),
    ),
]


# A table row's sentence runs on into its footnote mark and evidence grade ("... over no
# treatment with NSAIDs.† Low 2"); a recommendation ends on its reference tag ("(PICO 6).").
_FOOTNOTE_TAIL = re.compile(r"(?<=[.!?])[†‡§¶*]+\s.*$", re.S)
_TAG_TAIL = re.compile(r"\s*\((?:new, |updated, )?PICOs?\s[^()]{0,120}\)\.?$")
# ... or opens with its number and tag ("Recommendation 8: (PICOs 10–11) The panel ...").
_TAG_HEAD = re.compile(r"^(?:Recommendation \d+\w?[:.]?\s*)?\(PICOs? [^()]{0,40}\)\s*(?=[A-Z])")


# A table row's cells before its recommendation: the evidence-table pages ("69–71 IL-1 and
# IL-6 inhibitors are strongly recommended ..."), or the row's label printed again as the
# statement's subject ("Biologic DMARDs Biologic DMARDS (IL-1 and IL-6 inhibitors) are ...").
_PAGES_HEAD = re.compile(r"^\d+(?:\s?[–-]\s?\d+)?(?:,\s?\d+(?:[–-]\d+)?)*\s+(?=[A-Z])")
_LABEL_AGAIN = re.compile(r"^([A-Z][\w-]*(?:\s[\w-]+){0,5})\s+(?=(?i:\1)\b)")
_RECOMMENDS = re.compile(
    r"\b(?:is|are) (?:strongly |conditionally )?recommended\b|"
    r"\bwe (?:strongly |conditionally )?recommend\b",
    re.I,
)


# A table row's imperative statement, numbered, then its tag, grade and note ("2. Treat
# with a TNFi biologic over an IL-17i biologic (PICO 14) Very low Conditional ...").
_ROW_STATEMENT = re.compile(
    r"^(?:\d+\.\s+)?(?P<s>(?:Treat|Use|Start|Switch to|Add)\s(?:[^()]|\([^()]*\))*?)"
    r"\s+\(PICOs?\s[^()]{0,40}\)"
)


# A recommendation table's cells before a row's statement: the header ("Recommendation PICO
# question Certainty of evidence"), or the row before's grade and PICO numbers ("32 High†",
# "Low 1.13c-1.20c 49-50", "Very low 1.16c, 1.21c, 1.28c 50"); at least one grade or header
# word among them (a list item's own number stays). The statement opens on its population.
_GRADE = r"(?:Very low|Low|Moderate|High|Strong|Conditional)"
_CELL = (
    rf"(?:{_GRADE}|Recommendations?|PICO(?: questions?)?|Certainty of evidence|"
    r"(?:Quality|Level|Strength) of evidence|p\.|\d[\w.,–-]*|[†‡§¶*]+)[†‡§¶*]*"
)
_CELLS_HEAD = re.compile(
    rf"^(?=(?:{_CELL}\s+)*?(?:{_GRADE}|Recommendations?|PICO|Certainty)\b)(?:{_CELL}\s+)+"
    r"(?=(?:For|In|Among|When|If|We|Using|Treatment|Treat|Use|An?|The)\b)"
)
# ... and the row's own grade and numbers after a statement printed with no full stop
# ("... in addition to lifestyle modifications Low or very low 1.1a,b,c-1.3a,b,c, ...")
_CELLS_TAIL = re.compile(rf"(?<=[a-z)])\s+{_GRADE}(?:\s+or\s+very\s+low)?\s+(?=\d).*$", re.S)


# A summary's ellipses around a statement ("...We conditionally recommend X. ..."): what it
# left out of the full guideline, no part of the sentence
_ELLIPSES = re.compile(r"^(?:\.\.\.|…)\s*(?=[A-Z])|(?<=[.!?])\s+(?:\.\.\.|…)\s*$")


# A summary prints a population as a capitals label before its statements ("IN PEOPLE WITH
# ACTIVE/NEW ONSET/FLARE OF PURE CLASS V: ...With proteinuria ..."); the statement's own
# words start after it (and the summary's ellipsis).
_POPULATION_LABEL = re.compile(
    r"^(?P<label>(?:IN|FOR|AMONG) (?:[^a-z:.]{3,160})):\s*(?:\.\.\.|…)?\s*(?=[A-Z])"
)
# A summary's ellipsis between two statements it kept ("... unless contraindicated. ...With
# any elevation ..."): where one statement ends and the next begins.
_ELLIPSIS_JOIN = re.compile(r"(?<=[.!?])\s*(?:\.\.\.|…)\s*(?=[A-Z])")


def population_label(text: str) -> tuple[str, str]:
    """(the capitals population label a statement is printed under, the statement): the
    label lowercased, so it reads as a population; ("", text) where there is none."""
    m = _POPULATION_LABEL.match(text)
    if not m:
        return "", text
    return m.group("label").lower(), text[m.end() :]


def ellipsis_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans with each one split where a summary's ellipsis joins two
    statements."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        start = a
        for m in _ELLIPSIS_JOIN.finditer(text, a, b):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        out.append((start, b))
    return out


def table_row(text: str) -> str:
    """A recommendation table's row without the cells printed around its statement (a
    verbatim part of it); other text as it is."""
    cut = _CELLS_TAIL.sub("", _CELLS_HEAD.sub("", text))
    return cut if cut != text and _RECOMMENDS.search(cut) and complete_sentence(cut) else text


def trimmed(text: str) -> str:
    """The sentence without what a table or the guideline's apparatus glued to its ends: a
    verbatim part of it, so the quote stays checkable."""
    row = _ROW_STATEMENT.match(text)
    if row and complete_sentence(row.group("s")):
        return row.group("s")
    text = table_row(_FOOTNOTE_TAIL.sub("", _ELLIPSES.sub("", text)))
    cut = _TAG_TAIL.sub("", _TAG_HEAD.sub("", text))
    if _RECOMMENDS.search(cut):
        # a recommendation's own words start after the row's cells (pages, its label)
        cut = _LABEL_AGAIN.sub("", _PAGES_HEAD.sub("", cut))
    return cut if complete_sentence(cut) else text


def complete_sentence(text: str) -> bool:
    """A whole sentence of prose: starts with a capital or digit, ends with a full stop,
    8 to 80 words, not a list of citations or a legend of abbreviations."""
    words = text.split()
    imperative = bool(_IMPERATIVE.match(text)) and len(words) <= 40
    return (
        bool(_COMPLETE.match(text) or (_STATEMENT.match(text) and len(words) <= 40) or imperative)
        and (6 if imperative else 8) <= len(words) <= 80
        and len(_CITATION.findall(text)) < 2
        and text.count(" = ") < 2
        and text.count("|") == 0
    )


def heading_run_in(text: str, heading: str | None) -> bool:
    """A heading glued to the sentence that follows it ("Place of IVIG About this summary
    This is ..."): the chunk's section title inside the sentence, or a run of Title Case
    words with no verb before the first lowercase word."""
    if re.match(r"^(?:(?:[A-Z]{2,}\s+){0,2}[A-Z]{2,}:\s+)+[A-Z]", text):
        # a short all-capitals label ending in a colon ("MONITORING:", "KIDNEY BIOPSY: GPS:")
        # names the statement's kind, as the summary prints it; a long one ("IN PEOPLE WITH
        # PURE CLASS V:") is a heading whose population the reader cannot check
        return False
    if heading and len(heading.split()) >= 2:
        if re.search(rf"(?i:{re.escape(heading)})\s+[A-Z]", text):
            return True
    lead = re.match(r"^((?:[A-Z][\w'-]*\s+){3,})", text)
    if lead and not re.search(r"\b(Is|Are|Was|Were|Should|May|Can|We)\b", lead.group(1)):
        # "Place Of IVIG About ..." — three or more capitalised words, then a capital again
        return bool(re.match(r"^(?:[A-Z][\w'-]*\s+){3,}[A-Z]", text))
    return False


# "This guideline did not include consideration of <drug>": the document's scope, and its
# own word that it is silent on the requested drug (the position cites it)
_NOT_CONSIDERED = re.compile(
    r"\b(?:did not (?:include|consider|address|evaluate)|(?:was|were) not (?:considered|"
    r"addressed|evaluated|included))\b",
    re.I,
)


def _scope_on_drug(text: str, topic: CaseTopic) -> bool:
    return bool(_NOT_CONSIDERED.search(text)) and topic.names_drug(text)


def why_not(
    text: str,
    topic: CaseTopic,
    heading: str | None = None,
    drug_document: bool = False,
    condition_guideline: bool = False,
) -> str | None:
    """Why this sentence may not be quoted in a clinical section, or None. In a document
    about the drug itself (its title names it) a sentence need not name it again; nor need
    a graded recommendation in the condition's own guideline name the condition ("We
    recommend against testing a removed tick": the guideline's title names it)."""
    if not complete_sentence(text):
        return "not a complete sentence"
    if text.rstrip("\"'”) ").endswith("?"):
        return "a question, not a finding"
    if heading_run_in(text, heading):
        return "heading"
    for reason, pattern in _REFUSE:
        if pattern.search(text) and not (
            reason == "about the document" and _scope_on_drug(text, topic)
        ):
            return reason
    on_drug = topic.names_drug(text) or topic.names_class(text)
    if topic.names_other_condition(text) and not on_drug:
        return "another disease, no word on this drug"
    # (a service of the requested one's kind is a therapy too: massage beside chiropractic)
    therapy = find_therapies(text) or topic.names_sibling(text)
    # (or the patient's state, which has recommendations of its own: fertility preservation)
    own_recommendation = condition_guideline and bool(_RECOMMENDS.search(text))
    if not (
        on_drug or drug_document or own_recommendation or topic.names_condition(text) or therapy
    ) and not (topic.names_state(text)):
        return "names neither the condition, the drug nor a therapy"
    return None
