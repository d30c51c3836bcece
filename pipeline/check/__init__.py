"""Checks that carry correctness: validate (citations, quotes, verbatim evidence, support),
judge (the support classifier), verdict (the rule of version-1 records), injection
(instruction-like text flagged and defused), finalize (the one finish step)."""
