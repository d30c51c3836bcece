"""Case → queries → one search per query → reciprocal-rank fusion across the queries →
per-document cap → Evidence with the ids the draft may cite (E1.1, E1.2, ...). Re-exports
only:

queries.py   the searches a case asks for
search.py    one hybrid search (BM25 + dense), rerank.py the e5 rerank, topic.py on-topic terms
fusion.py    reciprocal-rank fusion and the per-query and per-document picks: ``retrieve``
evidence.py  passages → citable sentences with their page provenance
"""

from pipeline.retrieve.evidence import sentence_evidence, sentence_of
from pipeline.retrieve.fusion import retrieve, rrf
from pipeline.retrieve.queries import case_queries

__all__ = ["case_queries", "retrieve", "rrf", "sentence_evidence", "sentence_of"]
