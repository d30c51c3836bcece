"""Case files and packets → ``Case``. Re-exports only:

casefile.py       case files (YAML or JSON) → ``Case`` and back, errors naming file and field
citable_facts.py  the case as numbered facts a draft may cite (F1, F2, ...), its summary
intake.py         a packet (PDFs, scans, FHIR) → a case, each fact with its page (the
                  other modules are its readers: forms, labs, narrative, identifiers, ...)
"""

from pipeline.cases.casefile import CaseError, case_from_data, load_case, parse_case, save_case
from pipeline.cases.citable_facts import case_fact_keys, case_facts, case_summary, fact_lines

__all__ = [
    "CaseError",
    "case_fact_keys",
    "case_facts",
    "case_from_data",
    "case_summary",
    "fact_lines",
    "load_case",
    "parse_case",
    "save_case",
]
