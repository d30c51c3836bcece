"""QA staff label statements in the web app; the judge is scored against those labels."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.evals.labels import kappa, label_report, load_labels
from pipeline.web.app import COOKIE
from tests.unit.test_web_api import _draft


def test_qa_labels_round_trip_and_the_judge_is_scored_against_them(client) -> None:
    c, settings = client
    rid = _draft(c)
    record = c.get(f"/api/reviews/{rid}").json()["record"]
    section = next(s for s in record["sections"] if s["statements"])
    body = {"section": section["key"], "index": 0, "label": "not_supported", "version": 1}
    # A writer cannot label: it is QA's instrument.
    assert c.post(f"/api/reviews/{rid}/labels", json=body).status_code == 403
    login = c.post("/login", data={"name": "Quinn QA", "role": "qa"}, follow_redirects=False)
    assert login.status_code == 303
    # The test client keeps no cookies for an IP host: hand back the one the login set.
    c.cookies.set(COOKIE, login.cookies[COOKIE])
    assert c.post("/login", data={"name": "x", "role": "admin"}).status_code == 200  # refused
    page = c.get(f"/reviews/{rid}").text
    assert "label-button" in page and re.search(r"judge [01]\.\d\d", page)
    made = c.post(f"/api/reviews/{rid}/labels", json=body | {"note": "cites a different drug"})
    assert made.status_code == 201, made.text
    stale = c.post(f"/api/reviews/{rid}/labels", json=body | {"version": 2})
    assert stale.status_code == 409
    assert c.post(f"/api/reviews/{rid}/labels", json=body | {"label": "maybe"}).status_code == 422
    labels = c.get(f"/api/reviews/{rid}/labels").json()
    assert len(labels) == 1
    got = labels[0]
    st = section["statements"][0]
    assert (got["statement"], got["citations"]) == (st["text"], st["citations"])
    assert got["evidence"] and all(got["evidence"])  # the cited text, as the judge saw it
    assert got["judge_supported"] == int(st["supported"]) and got["who"] == "Quinn QA"
    assert got["note"] == "cites a different drug"
    history = c.get(f"/api/reviews/{rid}/history").json()
    assert history[-1]["action"] == "label"
    # The eval reads the same database.
    report = label_report(load_labels(settings.web_db_path))
    assert report["labels"] == 1 and report["people"] == 1
    assert report["confusion"]["not_supported"]["judge_supported"] == int(st["supported"])
    result = CliRunner().invoke(
        cli, ["eval", "grounding", "--labels", "--db", str(settings.web_db_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["labels"] == 1


def test_kappa_and_the_report_on_known_tables() -> None:
    assert kappa([(True, True), (False, False)] * 5) == 1.0
    assert kappa([(True, False), (False, True)] * 5) == -1.0
    # 20 pairs: observed 0.7, both raters 50% yes → expected 0.5 → kappa 0.4
    pairs = [(True, True)] * 7 + [(False, False)] * 7 + [(True, False)] * 3 + [(False, True)] * 3
    assert kappa(pairs) == 0.4
    rows = [
        {
            "review_id": 1,
            "who": "a",
            "label": "supported",
            "judge_supported": 1,
            "judge_score": 0.9,
        },
        {"review_id": 1, "who": "a", "label": "partial", "judge_supported": 1, "judge_score": 0.55},
        {
            "review_id": 2,
            "who": "b",
            "label": "not_supported",
            "judge_supported": 0,
            "judge_score": 0.1,
        },
    ]
    report = label_report(rows)
    assert report["agreement"] == round(2 / 3, 3)  # a partial label is not "supported"
    assert report["confusion"]["partial"] == {"judge_supported": 1, "judge_not_supported": 0}
    by_bin = {b["score"]: b for b in report["calibration"]}
    assert by_bin["0.8-1.0"] == {
        "score": "0.8-1.0",
        "n": 1,
        "mean_score": 0.9,
        "human_supported": 1.0,
    }
    assert by_bin["0.4-0.6"]["human_supported"] == 0.0
