"""Payer policies as criteria trees: compiled once from the PDF, judged criterion by
criterion against a case, decided by a rule over the whole tree.

layout_text.py  the PDF's layout lines: indentation, running lines dropped, label columns
outline.py  layout lines → outline items (markers, indentation, headings, connector lines)
table.py    criteria tables (a drug or indication column, a criteria column) → rows
verbatim.py every node's text looked up on its page of the plain extraction
compile.py  outline and tables → PolicyTree: which roots are indications, exclusions, scope
wording.py  the vocabulary of sections, branches, logic and approvals
groups.py   outline items → criteria nodes with their logic (lead-ins, labels, connectors)
indications.py  a granting item → an indication, its branches and approval durations
diagnoses.py  diagnosis lists sharing criteria; headings over criteria lists
exclusions.py  listed exclusions and the catch-all
table_tree.py  criteria-table rows → indications
table_centered.py  tables whose names are centred on their rows (state drug lists)
table_refs.py  a statement over a table ("an indication listed in Table 1") applied to each row
hierarchy_tables.py  rules-export tables whose tree is explicit (parent / level column, dotted
            keys, indentation; logic in a column); hierarchy_tree.py their indications
sections.py  condition sections known by what follows their headings (branches, lead-ins)
condition_vocabulary.py  does a heading name a condition (ICD-10-CM words, codes)
condition_labels.py  run-in condition labels, 'All other conditions', 'Criteria for X:'
steps.py    yes/no step edits → criteria
continued.py  '(continued)' headings dropped so a list runs on
prose_criteria.py  criteria written as sentences under a condition heading
prose.py    coverage stated in prose ("X is covered when A and B", CMS LCDs)
references.py "met the initial criteria (A)", "Refer to ERX.PA.01": resolved and judged
fields.py   a criterion's kind and numbers (age, count, duration, specialties, drugs)
library.py  trees cached per store by document fingerprint and compiler version
integrity.py  keyed seals (HMAC, key in NECESSITY_HOME) on every tree file in the store
confirm.py  trees a person confirmed: versioned by the PDF's sha256, re-found on their pages
edit.py     a person's fixes to a tree (text, logic, n, drop, add, move)
match.py    case → policy (drug) → indication (diagnosis, ICD-10) and branch (initial or not)
judge.py    each criterion: deterministic where code can read it, else one short LLM call,
            its answer checked fact by fact
measures.py a measurement, count or duration against the criterion's bound
trials.py   a drug (or a drug of the class) tried and failed, long enough
criterion_terms.py  a criterion's term groups; what a clause states, negates, opposes
restated.py a fact that restates the criterion with its polarity (met only)
absence.py  a group asking the absence of its items, read by De Morgan
rule.py     group semantics (all_of, any_of, at_least) → verdict
"""
