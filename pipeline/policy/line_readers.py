"""Readers of one layout each, over the lines; the first that reads the policy gives its
indications (compile.py): formulas under flat numbered lists (formula.py), numbered "only
if:" paragraphs (only_if.py), criteria tagged at the right edge (margin_tags.py),
restriction blocks per phase (phase_blocks.py), a rule's "§ 4.2.1" sections
(statute_sections.py), a letter's granting sentences (letter_criteria.py), conditions in
"4-1" sub-sections of numbered chapters (chapter_subsections.py), blocks under conditions
named by ICD-10 code and description (coded_condition_blocks.py)."""

from __future__ import annotations

from pipeline.policy.chapter_subsections import chapter_indications
from pipeline.policy.coded_condition_blocks import coded_block_indications
from pipeline.policy.formula import formula_indications
from pipeline.policy.letter_criteria import letter_indications
from pipeline.policy.margin_tags import tagged_indications
from pipeline.policy.only_if import only_if_indications
from pipeline.policy.phase_blocks import phase_block_indications
from pipeline.policy.statute_sections import statute_indications

LINE_READERS = (
    formula_indications,
    only_if_indications,
    tagged_indications,
    phase_block_indications,
    statute_indications,
    letter_indications,
    chapter_indications,
    coded_block_indications,
)
