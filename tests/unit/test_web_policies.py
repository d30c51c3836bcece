"""The Policies pages: the list, a policy's tree beside its page, fixes (refused when their
words are not on the page), confirmation, and the guards every write has (stamp, Origin)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from pipeline.web.app import create_app
from tests.conftest import FakeLLM
from tests.unit.test_policy_confirm import own_store  # noqa: F401 (fixture)
from tests.unit.test_review_fake import careful_model
from tests.unit.test_web_api import LOCAL, _events

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


@pytest.fixture
def client(own_store, tmp_path: Path):  # noqa: ANN201, F811
    store, settings = own_store
    settings = settings.model_copy(
        update={
            "out": tmp_path / "out",
            "web": settings.web.model_copy(update={"db": tmp_path / "web.sqlite"}),
        }
    )
    app = create_app(settings, client=FakeLLM([careful_model]), store=store)
    with TestClient(app, base_url=LOCAL) as c:
        assert c.post("/login", data={"name": "Dana Writer"}).status_code == 200
        yield c, store


def _sid(store) -> str:  # noqa: ANN001
    return next(d.source_id for d in store.documents() if d.doc_type == "policy" and d.declared)


def _stamp(html: str) -> str:
    return re.search(r'name="stamp" value="([^"]+)"', html).group(1)


def test_list_and_policy_page(client) -> None:
    c, store = client
    sid = _sid(store)
    listing = c.get("/policies")
    assert listing.status_code == 200
    assert f'href="/policies/{sid}"' in listing.text and "unconfirmed" in listing.text
    page = c.get(f"/policies/{sid}", params={"sel": "0.0.0"})
    assert page.status_code == 200
    # The tree beside the page it was read from, the selected node's words marked.
    assert 'id="policy-tree"' in page.text and 'id="pdf-page"' in page.text
    assert "<mark>Impaired antibody production" in page.text
    assert f"/policies/{sid}/pdf#page=1" in page.text
    pdf = c.get(f"/policies/{sid}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert c.get("/policies/" + "0" * 64).status_code == 404


def test_fix_refused_off_the_page_then_fixed_and_confirmed(client) -> None:
    c, store = client
    sid = _sid(store)
    stamp = _stamp(c.get(f"/policies/{sid}").text)
    form = {"stamp": stamp, "target": "0.0.0", "action": "save", "page": "1", "op": "leaf"}
    refused = c.post(
        f"/policies/{sid}/edit", data=form | {"text": "The member is 2 years old or older"}
    )
    assert refused.status_code == 200 and "is not on page 1" in refused.text
    assert "Not done" in refused.text
    assert _stamp(refused.text) == stamp  # nothing was saved

    text = "Impaired antibody production is documented by low IgG levels"
    fixed = c.post(f"/policies/{sid}/edit", data=form | {"text": text})
    assert fixed.status_code == 200 and "save done" in fixed.text
    assert "unconfirmed fixes in progress" in fixed.text
    new_stamp = _stamp(fixed.text)
    # A form made on the copy before the fix is stale.
    assert c.post(f"/policies/{sid}/edit", data=form | {"text": text}).status_code == 409

    done = c.post(f"/policies/{sid}/confirm", data={"stamp": new_stamp, "note": "trimmed 1.A.i"})
    assert done.status_code == 200 and "confirmed as version 1 by Dana Writer" in done.text
    assert "confirmed version 1 by Dana Writer" in done.text
    listing = c.get("/policies").text
    assert "confirmed</span> by Dana Writer" in listing

    # The next review says who confirmed the tree that decided it.
    started = c.post("/api/reviews", json=yaml.safe_load((CASES / "ivig-jia.yaml").read_text()))
    events = _events(c, started.json()["job_id"])
    rid = events[-1][1]["review_id"]
    review = c.get(f"/reviews/{rid}").text
    assert "confirmed by Dana Writer" in review
    md = c.get(f"/reviews/{rid}/export.md").text
    assert "**Criteria tree:** confirmed by Dana Writer" in md
    # DOCX and PDF are laid out from the Markdown: they say it too.
    import io
    import zipfile

    from pypdf import PdfReader

    docx = c.get(f"/reviews/{rid}/export.docx").content
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Criteria tree: confirmed by Dana Writer" in xml
    pdf = PdfReader(io.BytesIO(c.get(f"/reviews/{rid}/export.pdf").content))
    assert "confirmed by Dana Writer" in " ".join(p.extract_text() for p in pdf.pages)


def test_a_review_by_an_unconfirmed_tree_says_so_in_page_and_exports(client) -> None:
    c, store = client
    started = c.post("/api/reviews", json=yaml.safe_load((CASES / "ivig-jia.yaml").read_text()))
    rid = _events(c, started.json()["job_id"])[-1][1]["review_id"]
    assert "Unconfirmed criteria tree" in c.get(f"/reviews/{rid}").text
    assert "**Criteria tree:** UNCONFIRMED" in c.get(f"/reviews/{rid}/export.md").text
    record = c.get(f"/api/reviews/{rid}").json()["record"]["policy"]
    assert record["tree_status"] == "unconfirmed" and record["tree_version"] == 0


def test_confirm_refuses_a_tree_with_a_node_off_its_page(client) -> None:
    c, store = client
    sid = _sid(store)
    stamp = _stamp(c.get(f"/policies/{sid}").text)
    # Drop every indication but one, then empty its only group: confirm lists the problem.
    form = {"stamp": stamp, "target": "2.0", "action": "drop"}  # Kawasaki: a branch root
    after = c.post(f"/policies/{sid}/edit", data=form)
    assert after.status_code == 200 and "drop done" in after.text
    refused = c.post(f"/policies/{sid}/confirm", data={"stamp": _stamp(after.text)})
    assert "no criteria" in refused.text and "Not done" in refused.text


def test_policy_writes_need_this_origin(client) -> None:
    c, store = client
    sid = _sid(store)
    stamp = _stamp(c.get(f"/policies/{sid}").text)
    other = {"Origin": "http://evil.example"}
    assert (
        c.post(f"/policies/{sid}/confirm", data={"stamp": stamp}, headers=other).status_code == 403
    )
    site = {"Sec-Fetch-Site": "cross-site"}
    assert (
        c.post(f"/policies/{sid}/confirm", data={"stamp": stamp}, headers=site).status_code == 403
    )


def test_policy_pages_need_the_token_when_one_is_set(own_store, tmp_path: Path) -> None:  # noqa: F811
    store, settings = own_store
    settings = settings.model_copy(
        update={
            "web": settings.web.model_copy(
                update={"db": tmp_path / "web.sqlite", "secret": "s" * 24}
            )
        }
    )
    app = create_app(settings, client=FakeLLM([careful_model]), store=store)
    with TestClient(app, base_url=LOCAL) as c:
        sid = _sid(store)
        assert c.get("/policies").status_code == 401
        assert c.post(f"/policies/{sid}/confirm", data={"stamp": "v0"}).status_code == 401


def test_a_tampered_confirmed_tree_is_shown_withheld_and_can_be_confirmed_again(client) -> None:
    import json

    from pipeline.policy import confirm as C

    c, store = client
    sid = _sid(store)
    done = c.post(
        f"/policies/{sid}/confirm", data={"stamp": _stamp(c.get(f"/policies/{sid}").text)}
    )
    assert "confirmed as version 1" in done.text
    path = C.folder(store.path, sid) / "v1.json"
    record = json.loads(path.read_text())
    record["tree"]["exclusions"] = []
    path.write_text(json.dumps(record))
    assert "withheld" in c.get("/policies").text
    page = c.get(f"/policies/{sid}")
    assert "v1: " in page.text and "do not match their seal" in page.text
    again = c.post(f"/policies/{sid}/confirm", data={"stamp": _stamp(page.text)})
    assert "confirmed as version 2 by Dana Writer" in again.text


def test_add_move_and_logic_through_the_forms(client) -> None:
    c, store = client
    sid = _sid(store)
    stamp = _stamp(c.get(f"/policies/{sid}").text)

    def post(**form: str):  # noqa: ANN202
        nonlocal stamp
        r = c.post(f"/policies/{sid}/edit", data={"stamp": stamp, **form})
        assert r.status_code == 200, r.text
        stamp = _stamp(r.text)
        return r.text

    # Thrombocytopenia (indication 1): ALL of (ONE of (a, b), ii).
    off = post(target="1.0", action="add", text="Member is a unicorn", page="1")
    assert "is not on page 1" in off
    added = post(target="1.0", action="add", text="The member has life-threatening bleeding")
    assert "add done" in added and 'id="n-1.0.2"' in added
    moved = post(target="1.0.2", action="move", into="1.0.0")
    assert "move done" in moved and 'id="n-1.0.0.2"' in moved
    logic = post(
        target="1.0.0",
        action="save",
        text="The member meets ONE of the following",
        page="1",
        op="at_least",
        n="2",
    )
    assert "save done" in logic and "AT LEAST 2</span>" in logic
    done = c.post(f"/policies/{sid}/confirm", data={"stamp": stamp})
    assert "confirmed as version 1" in done.text
    from pipeline.policy.library import tree_for

    store_doc = next(d for d in store.documents() if d.source_id == sid)
    home = c.app.state.services.settings.home
    group = tree_for(store.path, store_doc, home=home).indications[1].branches[0].node.children[0]
    assert group.op == "at_least" and group.n == 2 and len(group.children) == 3
