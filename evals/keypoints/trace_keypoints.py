"""Where each missed key point of a key file is lost on the way to a review (a diagnosis
tool, not an eval): not in the store's chunks (parse/chunking), in a chunk that gather never
read (not retrieved), read but not a quotable sentence (filtered), quotable but refused by the
section's tests, scored but below the e5 cut (PRE_K), below the floor or the diversity cut
(not shown), shown and not chosen by the model, or in the review.

    .venv/bin/python evals/keypoints/trace_keypoints.py KEYFILE CASES_DIR REVIEW_DIR [CASE]

Runs gather (no model: e5 only) with its helpers wrapped to record what passes each stage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pipeline.draft.gather as g
from pipeline.cases.casefile import load_case
from pipeline.evals.keypoints import load_keyfile, norm
from pipeline.models import Review
from pipeline.runtime import Pipeline
from pipeline.settings import load_settings

REC: dict[str, object] = {}


def wrap(name: str, record) -> None:  # noqa: ANN001
    orig = getattr(g, name)

    def inner(*a, **k):  # noqa: ANN002, ANN003, ANN202
        out = orig(*a, **k)
        record(out, *a, **k)
        return out

    setattr(g, name, inner)


def install() -> None:
    REC.update(searched=set(), own=set(), made=[], why=[], scored=[], pre={}, diverse=[], listed={})
    wrap("search_section", lambda out, *a, **k: REC["searched"].update(c.id for c, _ in out))
    wrap("own_chunks", lambda out, *a, **k: REC["own"].update(c.id for c in out))
    wrap("why_not", lambda out, text, *a, **k: REC["why"].append((text, out)))
    wrap("score_sentence", lambda out, text, spec, *a, **k: REC["scored"].append((text, spec.key)))
    wrap("similarities", lambda out, s, st, pre, *a, **k: REC["pre"].update(pre))
    wrap("diverse", lambda out, ranked, *a, **k: REC["diverse"].append((ranked, out)))
    wrap("listed_recommendations", lambda out, *a, **k: REC["listed"].update(out))
    orig_sentence = g.Sentence

    def sentence(*a, **k):  # noqa: ANN002, ANN003, ANN202
        s = orig_sentence(*a, **k)
        REC["made"].append(s.text)
        return s

    g.Sentence = sentence  # type: ignore[misc]


def has(phrase: str, text: str) -> bool:
    return all(norm(p) in norm(text) for p in phrase.split(" & "))


def stage_of(point: dict, chunks: list, cands, review: Review) -> str:  # noqa: ANN001
    phrases = [str(p) for p in point["any"]]

    def any_in(texts) -> bool:  # noqa: ANN001
        return any(has(p, t) for p in phrases for t in texts)

    holding = [c for c in chunks if any_in([c.text])]
    joined = any_in([t for t, _ in REC["why"]])  # a heading joined to its chunk's sentence
    if not holding and not joined:
        return "1 not in chunks"
    ids = {c.id for c in holding}
    if holding and not ids & (REC["searched"] | REC["own"]):
        return "2 not retrieved"
    if not any_in(REC["made"]):
        whys = [w for t, w in REC["why"] if any_in([t]) and w]
        return "3 not quotable" + (f" ({whys[0]})" if whys else " (cue/incomplete)")
    if not any_in([t for t, _ in REC["scored"]]):
        return "4 refused by section tests"
    pre = [x.text for v in REC["pre"].values() for x in v]
    if not any_in(pre):
        return "5 below PRE_K cut"
    shown = [e.text for evs in cands.by_section.values() for e in evs]
    listed = [e.text for evs in cands.listed.values() for e in evs]
    pools = [e.text for e in cands.position_pool]
    if not any_in(shown + listed):
        return "6 below floor/diversity" + (" (in position pool)" if any_in(pools) else "")
    said = [st.text for s in review.sections for st in s.statements]
    if any_in(said):
        return "8 in review (position?)"
    return "7 shown, not chosen" + (" (listed!)" if any_in(listed) else "")


def main() -> None:
    keyfile, cases_dir, review_dir = map(Path, sys.argv[1:4])
    only = sys.argv[4] if len(sys.argv) > 4 else None
    keys = load_keyfile(keyfile)["cases"]
    settings = load_settings(None)
    pipe = Pipeline.open(settings)
    store = pipe.store
    documents = {d.source_id: d for d in store.documents()}
    lexical = store.lexical()
    chunks, _ = store.get_chunks(list(lexical.ids))
    install()
    rows = []
    for case_id, spec in keys.items():
        if only and case_id != only:
            continue
        case = load_case(cases_dir / f"{case_id}.yaml")
        review = Review.model_validate_json((review_dir / f"{case_id}.review.json").read_text())
        for v in REC.values():
            v.clear()  # type: ignore[attr-defined]
        cands = g.gather(case, store, settings, documents, review.policy)
        said = [norm(st.text) for s in review.sections for st in s.statements]
        pos = review.guideline_position
        ev = {e.id: e.text for e in review.evidence}
        said += [norm(pos.summary or "")] if pos else []
        said += [norm(ev[c]) for c in (pos.citations if pos else []) if c in ev]
        for point in spec.get("key_points") or []:
            hit = any(has(str(p), t) for p in point["any"] for t in said)
            stage = "HIT" if hit else stage_of(point, chunks, cands, review)
            rows.append((case_id, point["id"], stage))
            print(f"{case_id[:28]:28} {point['id'][:30]:30} {stage}", flush=True)
            if not hit:
                near = [t for t, _ in REC["why"] if any(has(str(p), t) for p in point["any"])]
                near = near or [
                    c.text for c in chunks if any(has(str(p), c.text) for p in point["any"])
                ]
                print("      ", (near[0] if near else "-")[:300].replace("\n", " "), flush=True)
    (review_dir / "trace.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
