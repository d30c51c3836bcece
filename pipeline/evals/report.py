"""HTML reports for eval runs and comparisons: one self-contained file each (inline SVG
plots, no scripts, no network), readable offline and attachable to a ticket."""

from __future__ import annotations

import html
import json
import math
from typing import Any

from pipeline.evals.runs import Run

CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border-bottom:1px solid #ddd;
padding:.25rem .6rem;text-align:left;font-size:.9rem}.ok{color:#176b2c}.bad{color:#a40000}
.plots{display:flex;flex-wrap:wrap;gap:1rem}details{margin:.2rem 0}pre{white-space:pre-wrap;
font-size:.8rem;background:#f6f6f6;padding:.5rem}.verdict{font-size:1.2rem;font-weight:700}
"""
COLORS = ["#2b6cb0", "#dd6b20", "#2f855a", "#9b2c2c", "#6b46c1", "#718096"]


def _e(value: Any) -> str:
    return html.escape(str(value))


def svg_bars(title: str, values: dict[str, float], width: int = 420) -> str:
    """Horizontal bars, one per variant."""
    finite = {k: v for k, v in values.items() if isinstance(v, int | float) and math.isfinite(v)}
    top = max([abs(v) for v in finite.values()] + [1e-9])
    scale = 1.0 if top <= 1.0 else top
    row, label_w = 22, 190
    height = 30 + row * len(values)
    parts = [f'<text x="4" y="16" font-size="13" font-weight="600">{_e(title)}</text>']
    for i, (label, value) in enumerate(values.items()):
        y = 26 + i * row
        length = (abs(value) / scale) * (width - label_w - 60) if label in finite else 0
        parts.append(f'<text x="4" y="{y + 13}" font-size="11">{_e(label[:30])}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{COLORS[i % len(COLORS)]}"/>'
        )
        shown = f"{value:.3f}" if label in finite else "n/a"
        parts.append(
            f'<text x="{label_w + length + 4:.1f}" y="{y + 13}" font-size="11">{shown}</text>'
        )
    return f'<svg width="{width}" height="{height}" role="img">{"".join(parts)}</svg>'


def svg_histogram(title: str, series: dict[str, list[float]], bins: int = 12) -> str:
    """Overlaid histograms (e.g. latency per variant)."""
    values = [v for vs in series.values() for v in vs]
    width, height, pad = 420, 190, 30
    head = f'<text x="4" y="16" font-size="13" font-weight="600">{_e(title)}</text>'
    if not values:
        return f'<svg width="{width}" height="40">{head}</svg>'
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    counts = {
        name: [
            sum(1 for v in vs if min(int((v - lo) / span * bins), bins - 1) == b)
            for b in range(bins)
        ]
        for name, vs in series.items()
    }
    peak = max(max(c) for c in counts.values()) or 1
    bar = (width - 2 * pad) / bins / max(1, len(series))
    parts = [head]
    for s, (name, cs) in enumerate(counts.items()):
        for b, c in enumerate(cs):
            h = c / peak * (height - 2 * pad)
            x = pad + b * (width - 2 * pad) / bins + s * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{height - pad - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{COLORS[s % len(COLORS)]}" opacity=".8">'
                f"<title>{_e(name)}: {c}</title></rect>"
            )
        parts.append(
            f'<text x="{pad + s * 140}" y="{height - 4}" font-size="10" '
            f'fill="{COLORS[s % len(COLORS)]}">{_e(name[:24])}</text>'
        )
    parts.append(f'<text x="{pad}" y="{height - pad + 12}" font-size="10">{lo:.2f}</text>')
    parts.append(
        f'<text x="{width - pad - 30}" y="{height - pad + 12}" font-size="10">{hi:.2f}</text>'
    )
    return f'<svg width="{width}" height="{height}" role="img">{"".join(parts)}</svg>'


def svg_calibration(rows: list[dict], title: str) -> str:
    """Reliability diagram: mean judge score per bin against the observed supports rate."""
    size, pad = 240, 30
    inner = size - 2 * pad
    parts = [
        f'<text x="4" y="16" font-size="13" font-weight="600">{_e(title)}</text>',
        f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#aaa" '
        'stroke-dasharray="4"/>',
        f'<rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" fill="none" stroke="#ccc"/>',
    ]
    for r in rows:
        x = pad + r["mean_score"] * inner
        y = size - pad - r["supports_rate"] * inner
        radius = 2 + min(8, math.sqrt(r["n"]) / 2)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#2b6cb0">'
            f"<title>{_e(r['bin'])}: n={r['n']}, supports {r['supports_rate']}</title></circle>"
        )
    parts.append(f'<text x="{pad}" y="{size - 8}" font-size="10">judge score →</text>')
    return f'<svg width="{size}" height="{size}" role="img">{"".join(parts)}</svg>'


def _metric_names(metrics: dict[str, float]) -> list[str]:
    return list(dict.fromkeys(k.split("[")[0] for k in metrics))


def run_report(run: Run, calibrations: dict[str, list[dict]] | None = None) -> str:
    """The run's report; ``calibrations``: reliability tables of the support judge by title
    (out-of-fold on HealthVer, against QA staff's labels)."""
    names = _metric_names(run.metrics)
    plots = [
        svg_bars(
            name,
            {k.split("[", 1)[1][:-1]: v for k, v in run.metrics.items() if k.split("[")[0] == name},
        )
        for name in names
        if name not in {"examples"}
    ]
    latency = {
        v: [e.latency_s for e in run.examples if e.variant == v and e.latency_s is not None]
        for v in run.variants
    }
    plots.append(svg_histogram("latency per example (s)", latency))
    for title, rows in (calibrations or {}).items():
        if rows:
            plots.append(svg_calibration(rows, title))
    scores = [s for e in run.examples for s in e.output.get("support_scores", [])]
    if scores:
        plots.append(svg_histogram("support-judge scores of drafted statements", {"all": scores}))
    verdict = "all thresholds met" if run.passed else "THRESHOLDS FAILED"
    rows = "".join(
        f"<tr><td>{_e(t['metric'])}</td><td>{_e(t['value'])}</td><td>{_e(t['min'])}</td>"
        f"<td>{_e(t['max'])}</td><td class={'ok' if t['ok'] else 'bad'}>"
        f"{'pass' if t['ok'] else 'FAIL'}</td></tr>"
        for t in run.thresholds
    )
    return _page(
        f"Eval run {run.id}",
        f"<p class=verdict>{_e(verdict)}</p>"
        + _meta_table(run)
        + (
            f"<h2>Thresholds</h2><table><tr><th>metric</th><th>value</th><th>min</th>"
            f"<th>max</th><th></th></tr>{rows}</table>"
            if rows
            else ""
        )
        + f"<h2>Metrics</h2><div class=plots>{''.join(plots)}</div>"
        + _examples_table(run),
    )


def compare_report(result: dict[str, Any], a: Run, b: Run) -> str:
    better = sum(1 for d in result["metrics"].values() if d["delta"] > 0)
    rows = "".join(
        f"<tr><td>{_e(k)}</td><td>{_e(d['a'])}</td><td>{_e(d['b'])}</td>"
        f"<td class={'ok' if d['delta'] >= 0 else 'bad'}>{d['delta']:+.4f}</td></tr>"
        for k, d in result["metrics"].items()
    )
    flips = "".join(
        f"<details><summary>{_e(f['example_id'])} ({_e(f['variant'])}): "
        f"{'fixed' if f['now'] else 'broken'}</summary><pre>was: "
        f"{_e(json.dumps(f['output_was'], indent=1)[:3000])}\n\nnow: "
        f"{_e(json.dumps(f['output_now'], indent=1)[:3000])}</pre></details>"
        for f in result["flipped"]
    )
    plots = "".join(
        svg_bars(name, {f"A {a.id[-24:]}": d["a"], f"B {b.id[-24:]}": d["b"]})
        for name, d in result["metrics"].items()
        if not name.startswith("examples")
    )
    return _page(
        f"Compare {a.id} → {b.id}",
        f"<p>{better} of {len(result['metrics'])} metrics went up; "
        f"{len(result['flipped'])} example(s) flipped.</p>"
        f"<table><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th></tr>{rows}</table>"
        f"<h2>Flipped examples</h2>{flips or '<p>none</p>'}"
        f"<h2>Side by side</h2><div class=plots>{plots}</div>",
    )


def _meta_table(run: Run) -> str:
    rows = [
        ("task", run.task),
        ("dataset", run.config.get("dataset")),
        ("created", run.created_at),
        ("git commit", run.git_commit),
        ("prompts", json.dumps(run.prompts)),
        ("models", json.dumps(run.models)),
    ]
    return (
        "<table>" + "".join(f"<tr><th>{k}</th><td>{_e(v)}</td></tr>" for k, v in rows) + "</table>"
    )


def _examples_table(run: Run) -> str:
    body = []
    for e in run.examples:
        mark = "" if e.correct is None else ("✓" if e.correct else "✗")
        out = e.output.get("verdict") or e.output.get("answer") or e.error or ""
        body.append(
            f"<tr><td>{_e(e.variant)}</td><td>{_e(e.example_id)}</td>"
            f"<td>{_e(json.dumps(e.expected))}</td><td>{_e(out)}</td>"
            f"<td class={'ok' if e.correct else 'bad'}>{mark}</td><td>{_e(e.latency_s)}</td>"
            f"<td>{'cache' if e.cached else ''}</td><td><details><summary>output</summary><pre>"
            f"{_e(json.dumps(e.output | {'scores': e.scores}, indent=1)[:4000])}</pre></details>"
            "</td></tr>"
        )
    return (
        "<h2>Examples</h2><table><tr><th>variant</th><th>id</th><th>expected</th><th>output</th>"
        "<th></th><th>s</th><th></th><th></th></tr>" + "".join(body) + "</table>"
    )


def _page(title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{_e(title)}</title>"
        f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1>{body}</body></html>"
    )
