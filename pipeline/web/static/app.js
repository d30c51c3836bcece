// Necessity pages: stream a draft, open cited passages, edit and re-check statements.
"use strict";

const HEADINGS = {
  criteria: "Coverage Criteria", rationale: "Guideline-Based Rationale", evidence: "Evidence",
  application: "Application to This Patient", alternatives: "Alternatives",
  pitfalls: "Common Pitfalls to Avoid", documentation_to_request: "Documentation to Request",
};

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function streamJob(jobId) {
  const status = document.getElementById("status");
  const draft = document.getElementById("draft");
  const source = new EventSource(`/api/jobs/${jobId}/events`);
  source.addEventListener("status", (e) => { status.textContent = JSON.parse(e.data).message; });
  source.addEventListener("policy", (e) => {
    // The policy decides before anything is drafted: show the worksheet's outcome at once.
    const d = JSON.parse(e.data);
    const block = el("section", { class: "streamed", id: "streamed-policy" });
    block.appendChild(el("h2", {}, "Policy Worksheet"));
    block.appendChild(el("p", {}, d.policy_title
      ? `${d.policy_title}: ${d.indication || "no matching indication"} → ${d.verdict.replace(/_/g, " ")}`
      : `No payer policy applied → ${d.verdict.replace(/_/g, " ")}`));
    block.appendChild(el("p", { class: "hint" }, d.rule));
    const list = el("ul", { class: "checklist" });
    (d.judgments || []).filter((j) => j.op === "leaf").forEach((j) => {
      list.appendChild(el("li", { class: j.status }, `${j.status.replace(/_/g, " ")}: ${j.text} (p. ${j.page})`));
    });
    block.appendChild(list);
    draft.appendChild(block);
  });
  source.addEventListener("evidence", (e) => {
    const n = JSON.parse(e.data).evidence.length;
    status.textContent = `${n} source sentences retrieved; the model is drafting…`;
  });
  source.addEventListener("section", (e) => {
    const { key, value } = JSON.parse(e.data);
    if (!(key in HEADINGS)) return;
    const block = el("section", { class: "streamed", "data-section": key });
    block.appendChild(el("h2", {}, HEADINGS[key]));
    const list = el("ul");
    (value || []).forEach((item) => {
      const text = typeof item === "string" ? item : item.text;
      const cites = (item.citations || item.sources || []).join(", ");
      list.appendChild(el("li", { class: "unchecked" }, cites ? `${text} [${cites}]` : text));
    });
    if (!list.children.length) list.appendChild(el("li", { class: "hint" }, "(none)"));
    block.appendChild(list);
    draft.appendChild(block);
    status.textContent = "drafting… (sections appear as the model finishes them; checks follow)";
  });
  source.addEventListener("done", (e) => {
    source.close();
    status.textContent = "checked; opening the review…";
    window.location.href = `/reviews/${JSON.parse(e.data).review_id}`;
  });
  source.addEventListener("error", (e) => {
    if (!e.data) return;  // a dropped connection: EventSource retries by itself
    source.close();
    status.textContent = "failed: " + JSON.parse(e.data).message;
    status.className = "error";
  });
}

async function showEvidence(reviewId, evId) {
  const response = await fetch(`/api/reviews/${reviewId}/evidence/${encodeURIComponent(evId)}`);
  if (!response.ok) return;
  const ev = await response.json();
  const panel = document.getElementById("source");
  document.getElementById("source-title").textContent = ev.title;
  document.getElementById("source-where").textContent =
    `${ev.file}, page ${ev.page_label || ev.page}` + (ev.section ? ` · ${ev.section}` : "");
  const passage = document.getElementById("source-passage");
  passage.replaceChildren();
  ev.passage.forEach((s) => {
    const node = el(s.cited ? "mark" : "span", { "data-ev": s.id }, s.text);
    passage.appendChild(node);
    passage.appendChild(document.createTextNode(" "));
  });
  document.getElementById("source-pdf").href = ev.pdf;
  panel.hidden = false;
}

function initReview(reviewId) {
  document.querySelectorAll("a.cite").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    showEvidence(reviewId, a.dataset.ev);
  }));
  const close = document.querySelector("#source .close");
  if (close) close.addEventListener("click", () => { document.getElementById("source").hidden = true; });
  document.querySelectorAll("li.statement").forEach((li) => {
    const form = li.querySelector("form.edit-form");
    const button = li.querySelector("button.edit");
    if (button) button.addEventListener("click", () => { form.hidden = !form.hidden; });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const citations = form.citations.value.split(",").map((s) => s.trim()).filter(Boolean);
      const response = await fetch(`/api/reviews/${reviewId}/statements`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          section: li.dataset.section, index: Number(li.dataset.index),
          text: form.text.value, citations,
        }),
      });
      if (!response.ok) {
        const err = await response.json();
        alert(err.detail);
        return;
      }
      window.location.reload();
    });
  });
  const approve = document.getElementById("approve");
  if (approve) approve.addEventListener("click", async () => {
    const response = await fetch(`/api/reviews/${reviewId}/approve`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
    });
    if (response.ok) window.location.reload();
  });
}
