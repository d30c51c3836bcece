"""A QA reviewer confirms a policy in a real browser (headless Debian Chromium, Playwright):
open the policy from the Policies page, select a node beside its page, fix its text, confirm
the tree; the next review says who confirmed the tree that decided it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FakeLLM
from tests.integration.test_browser import CASES, CHROMIUM, SHOTS, _browser, _serve
from tests.unit.test_policy_confirm import own_store  # noqa: F401 (fixture)
from tests.unit.test_review_fake import careful_model


def _fix_form(page, selector: str):  # noqa: ANN001, ANN202
    """The node's fix form, its details opened (the selected node's opens by itself)."""
    details = page.locator(selector).locator("details.fix").first
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form.node-form")


@pytest.fixture
def policy_server(own_store, tmp_path: Path):  # noqa: ANN201, F811
    store, settings = own_store
    yield from _serve(store, settings, tmp_path, FakeLLM([careful_model]))


def test_fix_a_node_confirm_and_the_next_review_says_who(policy_server: str) -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium; `make test` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    SHOTS.mkdir(parents=True, exist_ok=True)
    server = policy_server
    with sync_api.sync_playwright() as pw:
        browser = _browser(pw, sync_api)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/login")
        page.fill("input[name=name]", "Quinn QA")
        page.select_option("select[name=role]", "qa")
        page.click("button[type=submit]")

        page.click("#nav-policies")
        assert "unconfirmed" in page.inner_text("#policies")
        page.locator("#policies a").first.click()
        # Select the first criterion: its words are marked on the page beside the tree.
        node = page.locator("#n-0\\.0\\.0")
        node.locator("a").first.click()
        assert "Impaired antibody production" in page.inner_text("#pdf-page mark")
        form = _fix_form(page, "#n-0\\.0\\.0")
        # Words that are not on the page are refused, and nothing changes.
        form.locator("textarea[name=text]").fill("The member is two years old or older")
        form.locator("button.act-save").click()
        assert "is not on page 1" in page.inner_text("#policy-error")
        form = _fix_form(page, "#n-0\\.0\\.0")
        form.locator("textarea[name=text]").fill(
            "Impaired antibody production is documented by low IgG levels"
        )
        form.locator("button.act-save").click()
        assert "save done" in page.inner_text("#policy-done")
        assert "fixes in progress" in page.inner_text("#tree-status")
        page.fill("#confirm-form input[name=note]", "1.A.i trimmed to the IgG criterion")
        page.click("#confirm-tree")
        assert "confirmed as version 1 by Quinn QA" in page.inner_text("#policy-done")
        assert "confirmed version 1 by Quinn QA" in page.inner_text("#tree-status")
        page.screenshot(path=str(SHOTS / "policy-confirmed.png"), full_page=True)

        page.goto(f"{server}/new")
        page.set_input_files("input[name=upload]", str(CASES / "ivig-jia.yaml"))
        page.click("#submit-case")
        page.wait_for_url("**/reviews/*", timeout=60_000)
        assert "confirmed by Quinn QA" in page.inner_text("#policy-tree-status")
        page.screenshot(path=str(SHOTS / "review-confirmed-policy.png"), full_page=True)
        browser.close()
