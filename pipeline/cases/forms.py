"""Values typed into prior-authorization forms, read by the printed label they answer; and
what a page states in fixed shapes (age, sex, ICD-10 codes)."""

from __future__ import annotations

import re
from datetime import date

from pipeline.cases.facts import Draft, source
from pipeline.cases.identifiers import mask
from pipeline.cases.labels import clinical_kind, identifier_kind, label_key
from pipeline.cases.packet import FormValue, PacketPage
from pipeline.cases.prose import is_condition, is_therapy
from pipeline.cases.vocabulary import conditions_in, drugs_in
from pipeline.models import Diagnosis, FactSource, PriorTherapy

_ICD10 = re.compile(r"\b([A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4})\b")


_AGE = re.compile(r"\b(\d{1,3})\s*(?:yo\b|y/o\b|-year-old|year-old|years? old)", re.I)


_SEX = re.compile(r"\b(?:sex|gender)\s*:\s*(male|female|m|f)\b", re.I)


_DATE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})\b")


def from_typed_values(page: PacketPage, draft: Draft, today: date) -> None:
    prior_rows: dict[float, list[FormValue]] = {}
    for value in page.values:
        kind = clinical_kind(value.label)
        if identifier_kind(value.label) and kind not in {"prior", "request"}:
            if "birth" in value.label.lower() and draft.dob_age is None:
                age = _age_from_date(value.value, today)
                if age is not None:
                    draft.dob_age = (age, source(page, None, value.label))
            continue
        text = mask(value.value, draft.identifiers)
        src = source(page, text, value.label)
        if kind == "prior":
            row_key = value.y if value.kind == "text" else round(value.y / 6)
            prior_rows.setdefault(row_key, []).append(value)
        elif kind == "diagnosis":
            for name in re.split(r";|\n", text):
                name = name.strip(" .")
                if len(name) >= 2:
                    _form_diagnosis(name, src, draft)
        elif kind == "icd":
            for code in _ICD10.findall(text):
                draft.add_diagnosis(Diagnosis(name=f"Diagnosis code {code}", icd10=code), src)
        elif kind == "request":
            if _is_choice_list(text):  # a printed list of strengths to tick, not the request
                continue
            drug, dose = _split_drug(text)
            known = drugs_in(text)
            if known and draft.drug is None:  # a drug the vocabulary knows, as written
                draft.drug = (known[0][0], src)
                drug = known[0][0]
            elif drug and not known:
                draft.dropped.append(f"{value.label}: {drug[:40]!r} is not a known drug name")
            if dose:
                draft.treatment.setdefault("dose", (dose, src))
        elif kind == "dose" and "dose" in draft.treatment:  # strength, then directions
            before, first = draft.treatment["dose"]
            if text not in before:
                draft.treatment["dose"] = (f"{before}; {text}", first)
        elif kind in {"dose", "frequency", "route", "duration"}:
            draft.treatment.setdefault(kind, (text, src))
        elif kind == "specialty":
            draft.add_history(f"Requesting physician specialty: {text}.", src)
        elif len(text) >= 3 and value.label and value.kind != "text":
            # Typed in by a person; a printed form's other text is mostly instructions.
            draft.add_history(f"{value.label}: {text}", src)
        if re.search(r"continu|renew|re-?auth", label_key(value.label)) and re.search(
            r"\byes\b", text, re.I
        ):
            draft.request_type = "continuation"
    for row in prior_rows.values():
        row = sorted(row, key=lambda v: v.x)
        named = [
            v for v in row if re.search(r"medica|drug|name", label_key(v.label).replace(" ", ""))
        ]
        if row[0].kind == "text" and not named:
            continue  # a wrapped line of the row above, not a therapy of its own
        first = named[0] if named else row[0]
        row = [first] + [v for v in row if v is not first]
        cells = [mask(v.value, draft.identifiers) for v in row]
        name, rest = cells[0], cells[1:]
        src = source(page, " | ".join(cells), row[0].label)
        if not is_therapy(name):  # a Yes/No answer or a question, not a therapy tried
            draft.dropped.append(f"prior therapy {name[:60]!r}: not a therapy name")
            continue
        draft.prior.append((PriorTherapy(name=name, response="; ".join(rest) or None), src))


def _form_diagnosis(text: str, src: FactSource, draft: Draft) -> None:
    """A diagnosis field's text: a condition name (with its code where typed), or, when a
    sentence was typed there ("A bone marrow biopsy confirmed B-ALL with 85%"), the
    conditions it names; a sentence naming none is kept as history, not as a diagnosis."""
    code = _ICD10.search(text)
    clean = _ICD10.sub("", text).strip(" ()-,") or text
    if code or is_condition(clean):
        draft.add_diagnosis(Diagnosis(name=clean, icd10=code and code.group(1)), src)
        return
    found = conditions_in(clean)
    for name, icd in found:
        draft.add_diagnosis(Diagnosis(name=name[:1].upper() + name[1:], icd10=icd), src)
    if not found:
        draft.add_history(f"{src.field or 'Diagnosis'}: {clean}", src)
        draft.dropped.append(
            f"diagnosis field {clean[:60]!r}: not a condition name; kept as history"
        )


def _is_choice_list(text: str) -> bool:
    """Boxes to tick ("[ ] 50 mg  [ ] 100 mg") or several strengths listed side by side."""
    boxes = len(re.findall(r"[☐□■☑☒]|\[\s?[xX]?\s?\]|\(\s\)", text))
    strengths = len(re.findall(r"\d+(?:\.\d+)?\s*(?:mg|mcg|g|ml|units?)\b", text, re.I))
    return boxes >= 2 or (
        strengths >= 3 and not re.search(r"\b(then|followed|every|daily)\b", text, re.I)
    )


def _split_drug(text: str) -> tuple[str | None, str | None]:
    """ "Adalimumab 40 mg every other week" → (Adalimumab, 40 mg every other week); a value
    that starts with a number is a dose only."""
    match = re.match(r"^([A-Za-z][A-Za-z() /-]{1,60}?)\s+(\d.*)$", text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    if re.match(r"^\d", text):
        return None, text
    return text.strip() or None, None


def _age_from_date(text: str, today: date) -> int | None:
    match = _DATE.search(text)
    if not match:
        return None
    month, day, year = (int(x) for x in match.groups())
    year += 2000 if year < 100 and year <= today.year % 100 else (1900 if year < 100 else 0)
    try:
        born = date(year, month, day)
    except ValueError:
        return None
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age if 0 <= age <= 120 else None


def from_text_patterns(page: PacketPage, draft: Draft, today: date) -> None:
    text = page.text
    if draft.age is None and (match := _AGE.search(text)):
        draft.age = (int(match.group(1)), source(page, match.group(0)))
    if draft.sex is None and (match := _SEX.search(text)):
        sex = {"m": "male", "f": "female"}.get(match.group(1).lower(), match.group(1).lower())
        draft.sex = (sex, source(page, match.group(0)))
    for match in _ICD10.finditer(text):
        code = match.group(1)
        before = re.split(r"[.;:,(\[]", text[max(0, match.start() - 80) : match.start()])[-1]
        name = mask(before.strip(" -"), draft.identifiers) or f"Diagnosis code {code}"
        quote = mask(text[match.start() - len(before) : match.end()].strip(), draft.identifiers)
        draft.add_diagnosis(Diagnosis(name=name, icd10=code), source(page, quote))
