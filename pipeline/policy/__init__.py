"""Payer policies as criteria trees: compiled once from the PDF, judged criterion by
criterion against a case, decided by a rule over the whole tree.

compile.py  PDF → PolicyTree (the policy's own outline: numbered lists, AND/OR, "ONE of")
fields.py   a criterion's kind and numbers (age, count, duration, specialties, drugs)
library.py  trees cached per store by document fingerprint and compiler version
integrity.py  keyed seals (HMAC, key in NECESSITY_HOME) on every tree file in the store
confirm.py  trees a person confirmed: versioned by the PDF's sha256, re-found on their pages
edit.py     a person's fixes to a tree (text, logic, n, drop, add, move)
match.py    case → policy (drug) → indication (diagnosis, ICD-10) and branch (initial or not)
judge.py    each criterion: deterministic where numbers decide, else one short LLM call
rule.py     group semantics (all_of, any_of, at_least) → verdict
"""
