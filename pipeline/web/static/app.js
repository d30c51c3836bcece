// Necessity pages: stream a draft, open cited passages, edit and re-check statements.
"use strict";

const HEADINGS = {
  criteria: "Criteria named in the sources", rationale: "Guideline-Based Rationale",
  evidence: "Evidence on the Requested Treatment", role: "Where the Treatment Has a Role",
  application: "Application to This Patient", path: "Appropriate Treatment Path",
  dosing: "Dosing and Monitoring", alternatives: "Alternatives",
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
  const started = Date.now();
  const timer = setInterval(() => {
    const clock = document.getElementById("elapsed");
    if (clock) clock.textContent = `${Math.round((Date.now() - started) / 1000)} s`;
  }, 1000);
  source.addEventListener("stage", (e) => {
    const d = JSON.parse(e.data);
    const names = { policy: "judging the policy criteria", retrieve: "retrieving sources",
      draft: "the model is selecting and drafting", validate: "checking every citation",
      done: "done" };
    status.textContent = `${names[d.stage] || d.stage}…`;
  });
  source.addEventListener("evidence", (e) => {
    // The sources appear at once, before the model has written anything.
    const evidence = JSON.parse(e.data).evidence;
    status.textContent = `${evidence.length} source sentences retrieved; the model is drafting…`;
    const block = el("section", { class: "streamed", id: "streamed-sources" });
    block.appendChild(el("h2", {}, "Sources retrieved"));
    const list = el("ul");
    const seen = new Set();
    evidence.forEach((ev) => {
      const where = `${ev.title || ev.file.split("/").pop()}, p. ${ev.page_label || ev.page}`;
      if (seen.has(where)) return;
      seen.add(where);
      list.appendChild(el("li", {}, where));
    });
    block.appendChild(list);
    draft.appendChild(block);
  });
  source.addEventListener("section", (e) => {
    const { key, value } = JSON.parse(e.data);
    if (!(key in HEADINGS)) return;
    const block = el("section", { class: "streamed", "data-section": key });
    block.appendChild(el("h2", {}, HEADINGS[key]));
    const list = el("ul");
    (value || []).forEach((item) => {
      const text = typeof item === "string" ? item
        : (item.attribution ? `${item.attribution}: “${item.text}”` : item.text);
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
    clearInterval(timer);
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
  const pdf = document.getElementById("source-pdf");
  pdf.hidden = false;
  pdf.href = ev.pdf;
  panel.hidden = false;
}

async function showFact(reviewId, factId) {
  const response = await fetch(`/reviews/${reviewId}/facts/${encodeURIComponent(factId)}`);
  if (!response.ok) return;
  const fact = await response.json();
  document.getElementById("source-title").textContent = `Case fact ${fact.id}`;
  document.getElementById("source-where").textContent = fact.where;
  const passage = document.getElementById("source-passage");
  passage.replaceChildren();
  if (fact.context) {
    passage.appendChild(document.createTextNode("…" + fact.context.before + " "));
    passage.appendChild(el("mark", { "data-fact": fact.id }, fact.context.quote));
    passage.appendChild(document.createTextNode(" " + fact.context.after + "…"));
  } else {
    passage.appendChild(el("p", {}, fact.text));
  }
  const pdf = document.getElementById("source-pdf");
  pdf.hidden = !fact.pdf;
  if (fact.pdf) pdf.href = fact.pdf;
  document.getElementById("source").hidden = false;
}

function initLabels(reviewId) {
  document.querySelectorAll("li.statement .qa-label").forEach((box) => {
    const li = box.closest("li.statement");
    box.querySelectorAll("button.label-button").forEach((button) => button.addEventListener("click", async () => {
      const response = await fetch(`/api/reviews/${reviewId}/labels`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          section: li.dataset.section, index: Number(li.dataset.index),
          label: button.dataset.value, note: box.querySelector(".label-note").value || null,
          version: currentVersion(),
        }),
      });
      if (!response.ok) { box.dataset.label = "error"; return; }
      box.querySelectorAll("button.label-button").forEach((b) => b.classList.toggle("chosen", b === button));
      box.dataset.label = button.dataset.value;
    }));
  });
}

function initReview(reviewId) {
  initLabels(reviewId);
  document.querySelectorAll("a.fact").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    showFact(reviewId, a.dataset.fact);
  }));
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
          text: form.text.value, citations, version: currentVersion(),
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
    const send = (body) => fetch(`/api/reviews/${reviewId}/approve`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: currentVersion(), ...body }),
    });
    let response = await send({});
    if (response.status === 422) {
      // Validation is not clean: approving anyway needs a named reason, kept in the history.
      const reason = window.prompt(`${(await response.json()).detail}\n\nReason to approve anyway:`);
      if (!reason) return;
      response = await send({ override_reason: reason });
    }
    if (response.ok) window.location.reload();
    else alert((await response.json()).detail);
  });
}

function currentVersion() {
  return Number(document.querySelector(".layout").dataset.version);
}

// No inline scripts (the content security policy allows none): each page says what it
// is by data attributes, and this starts it.
document.addEventListener("DOMContentLoaded", () => {
  const draft = document.getElementById("draft");
  if (draft && draft.dataset.job) streamJob(draft.dataset.job);
  const layout = document.querySelector(".layout[data-review]");
  if (layout) initReview(layout.dataset.review);
});
