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
  const progress = document.getElementById("progress");
  const step = (message) => {
    // Every step stays listed, so the writer sees how far along the job is.
    status.textContent = message;
    if (progress) progress.appendChild(el("li", {}, message));
  };
  source.addEventListener("status", (e) => { step(JSON.parse(e.data).message); });
  source.addEventListener("progress", (e) => { step(JSON.parse(e.data).message); });
  source.addEventListener("policy", (e) => {
    // The policy decides before anything is drafted: show the worksheet's outcome at once.
    const d = JSON.parse(e.data);
    const block = el("section", { class: "streamed", id: "streamed-policy" });
    block.appendChild(el("h2", {}, "Policy Worksheet"));
    block.appendChild(el("p", {}, `${policyOutcome(d)} → ${d.verdict.replace(/_/g, " ")}`));
    block.appendChild(el("p", { class: "hint" }, `Decision rule: ${asSentence(d.rule)}`));
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
      draft: "the model is reading the candidate sentences and choosing for each section (the longest step; sections appear as it finishes each)",
      validate: "checking every citation", done: "done" };
    step(`${names[d.stage] || d.stage}…`);
  });
  source.addEventListener("evidence", (e) => {
    // The sources appear at once, before the model has written anything.
    const evidence = JSON.parse(e.data).evidence;
    step(`${evidence.length} source sentences retrieved`);
    const block = el("section", { class: "streamed", id: "streamed-sources" });
    block.appendChild(el("h2", {}, "Sources retrieved"));
    const list = el("ul");
    const seen = new Set();
    evidence.forEach((ev) => {
      const where = `${ev.title || ev.file.split("/").pop()}, ${pageWords(ev.page, ev.page_label)}`;
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
    step(`section ready: ${HEADINGS[key]} (checks follow)`);
  });
  source.addEventListener("done", (e) => {
    source.close();
    clearInterval(timer);
    const d = JSON.parse(e.data);
    step(d.review_id ? "checked; opening the review…" : "done; opening the result…");
    window.location.href = d.review_id ? `/reviews/${d.review_id}` : d.next;
  });
  source.addEventListener("error", (e) => {
    if (!e.data) return;  // a dropped connection: EventSource retries by itself
    source.close();
    clearInterval(timer);
    status.textContent = "This did not finish: " + JSON.parse(e.data).message;
    status.className = "error";
    status.id = "job-error";
    if (draft.dataset.again) {
      const again = el("p");
      again.appendChild(el("a", { href: draft.dataset.again, id: "try-again" }, "Start again"));
      draft.appendChild(again);
    }
  });
}

function policyOutcome(d) {
  // One line that agrees with the worksheet: an applied exclusion decides before any
  // indication is looked for, so it is named first.
  if (!d.policy_title) return "No payer policy applied";
  const excluded = (d.exclusions || []).find((x) => x.status === "met");
  if (excluded) return `${d.policy_title}: exclusion applies (p. ${excluded.page})`;
  return `${d.policy_title}: ${d.indication ? `indication ${d.indication}` : "no matching indication"}`;
}

function asSentence(text) {
  const t = (text || "").trim().replace(/[\s.;:]+$/, "");
  return t ? t[0].toUpperCase() + t.slice(1) + "." : "";
}

function pageWords(page, label) {
  // One page numbering everywhere: the printed label, the PDF's own page in brackets
  // where the two differ.
  if (!label || String(label) === String(page)) return `p. ${page}`;
  return `p. ${label} [PDF p. ${page}]`;
}

async function showEvidence(reviewId, evId) {
  const response = await fetch(`/api/reviews/${reviewId}/evidence/${encodeURIComponent(evId)}`);
  if (!response.ok) return;
  const ev = await response.json();
  const panel = document.getElementById("source");
  document.getElementById("source-title").textContent =
    ev.kind === "policy" ? `Policy criterion ${ev.node}: ${ev.title}` : ev.title;
  document.getElementById("source-where").textContent = ev.where;
  panel.dataset.kind = ev.kind;
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
    const saved = box.querySelector(".label-saved");
    const note = box.querySelector(".label-note");
    const save = async (label) => {
      saved.textContent = "saving…";
      const response = await fetch(`/api/reviews/${reviewId}/labels`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          section: li.dataset.section, index: Number(li.dataset.index),
          label, note: note.value || null, version: currentVersion(),
        }),
      });
      if (!response.ok) {
        box.dataset.label = "error";
        saved.textContent = "not saved: " + (await response.json()).detail;
        return;
      }
      box.querySelectorAll("button.label-button").forEach((b) => b.classList.toggle("chosen", b.dataset.value === label));
      box.dataset.label = label;
      saved.textContent = "saved";
    };
    box.querySelectorAll("button.label-button").forEach((button) => button.addEventListener("click", () => save(button.dataset.value)));
    // A note typed after the label was chosen is saved with it (one label per person).
    note.addEventListener("change", () => { if (box.dataset.label && box.dataset.label !== "error") save(box.dataset.label); });
  });
}

function say(where, message, isError) {
  // A line next to what was clicked: what is happening, or what went wrong.
  let line = where.querySelector(":scope > .action-status");
  if (!line) { line = el("span", { class: "action-status hint", "aria-live": "polite" }); where.appendChild(line); }
  line.textContent = message;
  line.classList.toggle("error", Boolean(isError));
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
  document.querySelectorAll("a.policy-cite").forEach((a) => a.addEventListener("click", (e) => {
    // With a policy page on this server the link opens the criterion there; without
    // one, the criterion's text, page and policy file open in the side panel.
    if (a.dataset.page === "policy") return;
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
      say(form, "saving and re-checking the statement…");
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
        say(form, "Not saved: " + (await response.json()).detail, true);
        return;
      }
      window.location.reload();
    });
  });
  const approve = document.getElementById("approve");
  if (approve) approve.addEventListener("click", async () => {
    const where = approve.parentElement;
    const send = (body) => fetch(`/api/reviews/${reviewId}/approve`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: currentVersion(), ...body }),
    });
    say(where, "approving…");
    let response = await send({});
    if (response.status === 422) {
      // Validation is not clean: approving anyway needs a named reason, kept in the history.
      const reason = window.prompt(`${(await response.json()).detail}\n\nReason to approve anyway:`);
      if (!reason) { say(where, "not approved"); return; }
      say(where, "approving with your reason…");
      response = await send({ override_reason: reason });
    }
    if (response.ok) window.location.reload();
    else say(where, "Not approved: " + (await response.json()).detail, true);
  });
}

function initForms() {
  // Within a moment of every submit the page says what is happening (an upload of a
  // large packet can take a while before the next page comes).
  document.querySelectorAll("form[method=post]").forEach((form) => form.addEventListener("submit", () => {
    const line = form.querySelector(".submit-status");
    const files = [...form.querySelectorAll("input[type=file]")].reduce((n, i) => n + i.files.length, 0);
    if (line) line.textContent = files ? `uploading ${files} file(s)…` : "sending…";
    form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; });
  }));
  // Back to a page the browser kept: its forms can be sent again.
  window.addEventListener("pageshow", (e) => {
    if (!e.persisted) return;
    document.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = false; });
    document.querySelectorAll(".submit-status").forEach((s) => { s.textContent = ""; });
  });
}

function currentVersion() {
  return Number(document.querySelector(".layout").dataset.version);
}

function showCitedNode() {
  // A review's policy citation opens /policies/<source>#<node id>: the criterion with that
  // id is marked and brought into view (the tree marks its nodes with data-node, or shows
  // the id in a .id span).
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return;
  let node = document.querySelector(`[data-node="${CSS.escape(id)}"]`);
  if (!node) {
    const label = [...document.querySelectorAll(".id")].find((s) => s.textContent.trim() === id);
    node = label ? label.closest("li") || label : null;
  }
  if (!node) return;
  // The node's own link selects it on the server (its page text shown, the words
  // highlighted): follow it once, keeping the node id as the fragment.
  const select = node.querySelector('a[href*="sel="]');
  if (select && !window.location.search.includes("sel=")) {
    const url = new URL(select.href);
    url.hash = id;
    window.location.replace(url.href);
    return;
  }
  node.classList.add("cited-node");
  node.scrollIntoView({ block: "center" });
}

// No inline scripts (the content security policy allows none): each page says what it
// is by data attributes, and this starts it.
document.addEventListener("DOMContentLoaded", () => {
  showCitedNode();
  const draft = document.getElementById("draft");
  if (draft && draft.dataset.job) streamJob(draft.dataset.job);
  const layout = document.querySelector(".layout[data-review]");
  if (layout) initReview(layout.dataset.review);
  initForms();
});
