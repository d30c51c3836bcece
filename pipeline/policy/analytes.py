"""Measurements by name: the common lab tests, scores and body measures with the ways
notes write them ("Hb", "Hgb", "hemoglobin"; "TSAT", "transferrin saturation"; "T-score";
"BMI"), and where a case fact states one with its value.

The measurement rules (measures.py) read a criterion's bound; when the words next to the
bound name one of these, the reading is looked up by that name and its spellings rather
than by the criterion's own words ("Psoriasis covering 3% or more of body surface area"
against "body surface area about 2%"). A reading is the first number written after the
name (a value in parentheses after it is an earlier one: "hemoglobin 8.7 g/dL (12.1 g/dL
before chemotherapy)"), or the number just before it ("22% of the BSA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# name → (lowercase patterns, abbreviations matched with their case). The more specific
# first: "hemoglobin A1c" is not "hemoglobin".
_TABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "urine protein to creatinine ratio": (
        (r"(?:urine |urinary )?protein(?:[- ]to[- ]| ?/ ?)creatinine ratio",),
        ("UPCR", "uPCR"),
    ),
    "hemoglobin A1c": (
        (r"h(?:a)?emoglobin\s*a1c", r"glyc(?:ated|osylated) h(?:a)?emoglobin", r"a1c"),
        ("HbA1c", "HbA1C", "A1C"),
    ),
    "hemoglobin": ((r"h(?:a)?emoglobin(?!\s*a1c)",), ("Hb", "Hgb", "HGB")),
    "hematocrit": ((r"h(?:a)?ematocrit",), ("Hct", "HCT")),
    "transferrin saturation": (
        (r"transferrin saturation", r"iron saturation", r"tsat"),
        ("TSAT",),
    ),
    "ferritin": ((r"(?:serum )?ferritin",), ()),
    "sweat chloride": ((r"sweat chloride(?: (?:test|concentration))?",), ()),
    "erythropoietin level": ((r"(?:serum )?erythropoietin(?: level)?",), ("EPO",)),
    "platelet count": ((r"platelets?(?: count)?",), ("PLT",)),
    "neutrophil count": ((r"(?:absolute )?neutrophils?(?: count)?",), ("ANC",)),
    "eosinophil count": ((r"(?:blood )?eosinophils?(?: count)?",), ("AEC",)),
    "T-score": ((r"t[- ]scores?",), ()),
    "Z-score": ((r"z[- ]scores?",), ()),
    "FRAX hip fracture": ((r"(?:probability|risk) of hip fracture", r"hip fracture"), ()),
    "FRAX major fracture": (
        (r"major (?:osteoporotic )?fracture",),
        (),
    ),
    "body mass index": ((r"body mass index",), ("BMI",)),
    "body surface area": ((r"body surface area",), ("BSA",)),
    "weight": ((r"weigh(?:s|t|ing)?", r"body weight"), ()),
    "EDSS": ((r"expanded disability status scale",), ("EDSS",)),
    "eGFR": ((r"(?:estimated )?glomerular filtration rate",), ("eGFR", "GFR")),
    "creatinine clearance": ((r"creatinine clearance",), ("CrCl", "CLcr")),
    "LDL cholesterol": (
        (r"low[- ]density lipoprotein(?: cholesterol)?", r"ldl(?:[- ]c\b|[- ]cholesterol)?"),
        ("LDL-C", "LDL"),
    ),
    "PASI": ((r"psoriasis area and severity index",), ("PASI",)),
    "EASI": ((r"eczema area and severity index",), ("EASI",)),
    "DAS28": ((r"disease activity score",), ("DAS28", "DAS")),
    "IgE": ((r"(?:total )?(?:serum )?ige",), ("IgE",)),
    "FEV1": ((r"forced expiratory volume",), ("FEV1",)),
    "ejection fraction": ((r"(?:left ventricular )?ejection fraction",), ("LVEF", "EF")),
    "IGF-1": ((r"insulin-like growth factor",), ("IGF-1", "IGF-I")),
    "growth hormone": ((r"growth hormone(?![- ]releas)",), ("GH", "hGH")),
    "alkaline phosphatase": ((r"alkaline phosphatase",), ("ALP",)),
    # chemistry, endocrine and tumour markers as notes write them
    "phosphorus": ((r"(?:serum |inorganic )?phosphorus", r"serum phosphate"), ()),
    "calcium": ((r"(?:serum |ionized |corrected )?calcium",), ()),
    "potassium": ((r"(?:serum )?potassium",), ()),
    "sodium": ((r"(?:serum )?sodium",), ()),
    "magnesium": ((r"(?:serum )?magnesium",), ()),
    "ALT": ((r"alanine aminotransferase",), ("ALT", "SGPT")),
    "AST": ((r"aspartate aminotransferase",), ("AST", "SGOT")),
    "bilirubin": ((r"(?:total )?bilirubin",), ()),
    "albumin": ((r"(?:serum )?albumin",), ()),
    "creatinine": ((r"(?:serum )?creatinine(?! clearance)",), ("SCr",)),
    "testosterone": ((r"(?:serum |total )?testosterone",), ()),
    "TSH": ((r"thyroid[- ]stimulating hormone",), ("TSH",)),
    "PTH": ((r"parathyroid hormone",), ("PTH", "iPTH")),
    "25-hydroxyvitamin D": ((r"25-hydroxy ?vitamin d", r"25-?oh vitamin d"), ("25(OH)D",)),
    "C-reactive protein": ((r"c-reactive protein",), ("CRP", "hsCRP", "hs-CRP")),
    "ESR": ((r"erythrocyte sedimentation rate", r"sed rate"), ("ESR",)),
    "uric acid": ((r"(?:serum )?(?:uric acid|urate)",), ("sUA",)),
    "glucose": ((r"(?:fasting )?(?:plasma |blood )?glucose",), ("FPG",)),
    "LDH": ((r"lactate dehydrogenase",), ("LDH",)),
    "NT-proBNP": ((r"n-terminal pro-?b-type natriuretic peptide",), ("NT-proBNP",)),
    "INR": ((r"international normali[sz]ed ratio",), ("INR",)),
    "white cell count": ((r"white (?:blood )?cell count",), ("WBC",)),
    "lymphocyte count": ((r"(?:absolute )?lymphocytes?(?: count)?",), ("ALC",)),
    "IgG": ((r"(?:serum )?(?:total )?igg(?: level)?", r"immunoglobulin g"), ("IgG",)),
    "FGF23": ((r"(?:intact )?fgf-?23", r"fibroblast growth factor 23"), ("FGF23", "FGF-23")),
    "CA-125": ((r"ca[- ]125",), ("CA-125",)),
    "PSA": ((r"prostate[- ]specific antigen",), ("PSA",)),
    "triglycerides": ((r"triglycerides?",), ("TG",)),
    "cortisol": ((r"(?:serum |morning )?cortisol",), ()),
    "androstenedione": ((r"(?:serum )?androstenedione",), ("A4",)),
    "17-hydroxyprogesterone": ((r"17-hydroxy ?progesterone",), ("17-OHP",)),
    "bile acids": ((r"(?:serum |total )?bile acids?",), ("sBA",)),
    "ammonia": ((r"(?:plasma |blood |serum )?ammonia",), ("NH3",)),
    # autoantibodies, reported as a titer, a value or a result word
    "anti-dsDNA": (
        (r"anti-?double[- ]stranded dna(?: antibod(?:y|ies))?", r"anti-?ds-?dna"),
        ("dsDNA",),
    ),
    "ANA": ((r"antinuclear antibod(?:y|ies)",), ("ANA",)),
    # infection tests, often reported as a result word ("HIV-1 RNA not detected")
    "HIV RNA": ((r"hiv(?:-1)? rna", r"hiv(?:-1)? viral load"), ()),
    "HCV RNA": ((r"hcv rna", r"hepatitis c(?: virus)? rna", r"hcv viral load"), ()),
    "HBsAg": ((r"hepatitis b(?: virus)? surface antigen", r"hbv surface antigen"), ("HBsAg",)),
    "anti-HBc": (
        (r"(?:hepatitis b(?: virus)? |hbv )?core antibod(?:y|ies)", r"anti-?hbc"),
        ("HBcAb",),
    ),
    "HIV antigen/antibody": (
        (r"(?:hiv(?:-1)?(?:/2)? )?(?:fourth[- ]generation )?(?:antigen/antibody|ag/ab)",),
        (),
    ),
}


# Measurements that estimate one another, read for each other where one is not stated
# (kidney function: a note gives the eGFR where a policy asks the clearance).
ESTIMATES = {"creatinine clearance": "eGFR", "eGFR": "creatinine clearance"}


@dataclass(frozen=True)
class Named:
    analyte: str
    start: int
    end: int


def _pattern(name: str) -> re.Pattern[str]:
    words, abbrevs = _TABLE[name]
    lower = "|".join(rf"\b{w}\b" for w in words)
    upper = "|".join(rf"(?<![\w-]){re.escape(a)}(?![\w-])" for a in abbrevs)
    return re.compile(rf"(?i:{lower})" + (f"|{upper}" if upper else ""))


_PATTERNS = {name: _pattern(name) for name in _TABLE}


def named(text: str) -> list[Named]:
    """Every measurement the text names, in order; where two names overlap, the one
    listed first in the table (the more specific) wins."""
    found: list[Named] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS.items():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Named(name, m.start(), m.end()))
    return sorted(found, key=lambda n: n.start)


def analyte_at(text: str, start: int, end: int) -> str | None:
    """The measurement a criterion's bound (text[start:end]) is about: the nearest name
    in the same clause, before the bound or just after it ("3% or more of body surface
    area")."""
    before = [n for n in named(text[:start]) if not re.search(r"[;:]", text[n.end : start])]
    if before:
        return before[-1].analyte
    after = named(text[end:])
    if after and after[0].start < 40 and not re.search(r"[;:,]", text[end : end + after[0].start]):
        return after[0].analyte
    return None


# What may stand between a name and its value: "hemoglobin 8.7", "Hb: 8.7", "T-score
# at the femoral neck of -2.7", "BSA about 2%", "eGFR was 98", "GH fell to a lowest value
# of 0.4", "IGF-1 on 10/07/2025 (17 weeks after surgery): 398".
_BRIDGE = re.compile(
    r"^[\s:=,]*(?:(?:is|was|of|at|about|approximately|approx\.?|around|level|count|score|"
    r"value|result|measured|today|now|the|total|lumbar|spine|femoral|neck|hip|left|right|"
    r"radius|probability|risk|ten-year|10-year|serum|blood|involved|involvement|affected|"
    r"covered|fasting|on|file|drawn|(?:fell|dropped|rose|decreased|increased|suppressed)\s+to|"
    r"(?:a\s+)?(?:lowest|nadir|peak|highest))\b[\s:=,]*|\d{1,2}/\d{1,2}/\d{2,4}[\s:=,]*|"
    # a clock time ("Total testosterone 8:05 a.m. 11/20/2025: 268 ng/dL") is no value
    r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?[\s:=,]*|"
    r"\([^()]{0,40}\)[\s:=,]*){0,6}",
    re.I,
)
_VALUE = re.compile(r"^[<>≤≥]?\s*([-−]?\d+(?:,\d{3})*(?:\.\d+)?)(?!\d|,\d|/\d|:\d)")
# A value in a dose's unit (mg, not mg/dL) is a medicine's dose, not a reading.
_DOSE = re.compile(r"\s*(?:mg|mcg|g|mEq|IU|units?)\b(?!\s*/)", re.I)
_BEFORE = re.compile(
    r"([-−]?\d+(?:\.\d+)?)\s*(%|percent)\s*(?:of\s+(?:the\s+)?(?:total\s+)?)?$", re.I
)


# A qualitative result written right after the test's name ("antigen/antibody negative",
# "HIV-1 RNA not detected", "HIV-1 RNA test: non-reactive").
_RESULT = re.compile(
    r"^\s*(?:tests?|results?|screen)?\s*(?:was|were|is|:)?\s*"
    r"(negative|not detected|undetectable|non-?reactive|positive|detected|reactive)\b",
    re.I,
)


def results_of(analyte: str, clause: str) -> list[str]:
    """ "negative" or "positive" for each place the clause names the test with a result
    word just after it."""
    out: list[str] = []
    for n in named(clause):
        if n.analyte == analyte and (m := _RESULT.match(clause[n.end :])):
            word = m.group(1).lower()
            negative = word in {"negative", "not detected", "undetectable"} or "non" in word
            out.append("negative" if negative else "positive")
    return out


def readings_of(analyte: str, clause: str) -> list[tuple[float, int]]:
    """(value, where the value ends: its unit follows) for each place the clause names
    the measurement with a value next to it."""
    out: list[tuple[float, int]] = []
    for n in named(clause):
        if n.analyte != analyte:
            continue
        rest = clause[n.end :]
        bridge = _BRIDGE.match(rest)
        skip = bridge.end() if bridge else 0
        m = _VALUE.match(rest[skip:])
        if m and _DOSE.match(rest[skip + m.end() :]):
            continue  # "calcium carbonate 500 mg", "phosphorus 250 mg tablets": a dose
        if m:
            value = float(m.group(1).replace(",", "").replace("−", "-"))
            out.append((value, n.end + skip + m.end()))
            continue
        b = _BEFORE.search(clause[: n.start])
        if b:  # "12% BSA": the value ends where its unit begins
            out.append((float(b.group(1).replace("−", "-")), b.end(1)))
    return out
