"""The `necessity` command line, one module per command group:

sources.py  ingest, store stats, corpus build, prepare
review.py   review, review-batch, check
policy.py   policy list, policy show
evals.py    the eval group; eval validator | train-judge | grounding
eval_runs.py        eval run | compare | keypoints
eval_benchmarks.py  eval retrieval | intake | policies
case.py     case extract
serve.py    serve, bench
common.py   settings (the effective settings, each described), shared options
root.py     the root command: the groups above attached, errors to exit codes

Command and option names are a contract (see README). Any ``NecessityError`` a command
raises becomes "error: ..." and its exit code in root.py, once. Re-exports only.
"""

from pipeline.cli.root import app, main

__all__ = ["app", "main"]
