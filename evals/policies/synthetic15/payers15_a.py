"""Fifteenth synthetic batch, part A: a narrative policy whose criteria sit inside shaded
call-out boxes (Dupuytren contracture / Peyronie disease: collagenase clostridium
histolyticum); a two-column "Criterion | Documentation required" table (ALS: edaravone,
tofersen); a prescriber attestation form of "I attest that ..." statements with initial lines
(vitiligo: ruxolitinib cream; prurigo nodularis: nemolizumab). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _text(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
          font: str = "helvetica") -> None:
    d.set_font(font, style, size)
    d.multi_cell(d.width, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.2)


# =========================================================================================
# 1. Shaded call-out boxes: narrative around, the rule and its criteria inside a grey box with
#    a coloured left rule; alternatives as "-" lines under their lead-in.
# =========================================================================================


def _callout(d: Doc, title: str, root: Crit) -> None:
    lines: list[tuple[float, str, str]] = [(0, "B", title), (0, "B", root.text)]
    for kid in root.kids:
        lines.append((3, "", "> " + kid.text))
        for alt in kid.kids:
            lines.append((9, "", "- " + alt.text))
    top = d.get_y()
    if top > d.h - 80:
        d.add_page()
        top = d.get_y()
    # Draw the text first to learn the height, then the box behind it on a second pass.
    d.set_font("helvetica", "", 9)
    height = 4.0
    for indent, style, text in lines:
        d.set_font("helvetica", style, 9)
        n = len(d.multi_cell(d.width - 12 - indent, 4.4, text, dry_run=True, output="LINES"))
        height += n * 4.4 + 1.0
    d.set_fill_color(236, 236, 236)
    d.rect(d.l_margin, top, d.width, height, "F")
    d.set_fill_color(150, 60, 40)
    d.rect(d.l_margin, top, 1.8, height, "F")
    d.set_y(top + 2)
    for indent, style, text in lines:
        d.set_font("helvetica", style, 9)
        d.set_x(d.l_margin + 6 + indent)
        d.multi_cell(d.width - 12 - indent, 4.4, text, new_x="LMARGIN", new_y="NEXT")
        d.ln(1.0)
    d.set_y(top + height + 3)


def callout_dupuytren() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(150, 60, 40)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "Ashgrove Valley Health")
        d.set_font("helvetica", "", 8)
        d.set_text_color(90)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "Clinical Coverage Guide CCG-118", align="R")
        d.set_draw_color(150, 60, 40)
        d.line(d.l_margin, 15, d.w - d.r_margin, 15)
        d.set_draw_color(0)
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 4, f"CCG-118 | effective 02/01/2026 | page {d.page_no()} of {{nb}}", align="C")

    d = Doc(header, footer, margin=20)
    d.add_page()
    _text(d, "Collagenase Clostridium Histolyticum (Xiaflex) Injections", "B", 15, 7)
    _text(d, "Collagenase is injected into a palpable cord or a penile plaque to break down "
          "collagen. This guide explains when Ashgrove Valley Health pays for the injections "
          "given in a specialist office. The requirements for each use are set out in the "
          "shaded boxes; the text around the boxes is background and is not itself a "
          "requirement.")
    _text(d, "Dupuytren contracture", "B", 12, 6)
    _text(d, "Most cords are treated with one injection per joint followed by a finger "
          "extension procedure the next day or up to three days later. Needle fasciotomy and "
          "open fasciectomy remain alternatives and the member may choose either.")
    dup_lead = ("Covered for 3 injections per cord (up to 90 days) when all of these are "
                "documented:")
    dup = g("all_of", dup_lead,
            c("A palpable Dupuytren cord causes a fixed flexion contracture of at least 20 "
              "degrees at a metacarpophalangeal or proximal interphalangeal joint."),
            c("The tabletop test is positive (the hand cannot be laid flat)."),
            c("The injecting physician is a hand surgeon or another clinician trained in "
              "collagenase injection and the extension procedure."),
            c("The member is not taking an anticoagulant other than aspirin up to 150 mg a day, "
              "or the prescriber records a plan for managing it around the injection."))
    _callout(d, "WHAT WE NEED - FIRST CORD", dup)
    _text(d, "A further cord, or the same cord after a recurrence, is a new course and is "
          "reviewed under the box below.")
    dup_r_lead = ("A further course (another cord, or recurrence) is covered for 90 days when "
                  "both apply:")
    dup_r = g("all_of", dup_r_lead,
              c("The earlier injections reduced the contracture of the treated joint by at "
                "least 50 percent or to 5 degrees or less."),
              c("The cord now treated again meets the 20-degree contracture and tabletop "
                "findings in the first box."))
    _callout(d, "WHAT WE NEED - ANOTHER COURSE", dup_r)
    _text(d, "Peyronie disease", "B", 12, 6)
    _text(d, "Each treatment cycle is two injections a few days apart followed by penile "
          "modeling; up to four cycles may be given. Curvature should be measured in the "
          "erect state, usually after an intracavernosal injection.")
    pey_lead = "Covered for 2 cycles (6 months) when all of these are documented:"
    pey = g("all_of", pey_lead,
            c("A palpable plaque with a dorsal or lateral curvature of 30 to 90 degrees on an "
              "erection measured in the office."),
            c("The disease has been stable, with no change in curvature or pain, for at least "
              "12 months since onset."),
            c("Erectile function is intact enough for intercourse, with or without "
              "medication."),
            g("any_of", "The plaque is suitable for injection, with either",
              c("no calcification seen on ultrasound"),
              c("only minor calcification that the urologist records will not block the "
                "injection")),
            c("The injections are given by a urologist enrolled in the product's safety "
              "program."))
    _callout(d, "WHAT WE NEED - PEYRONIE, CYCLES 1 AND 2", pey)
    pey_r_lead = "Cycles 3 and 4 are covered for 6 more months when both apply:"
    pey_r = g("all_of", pey_r_lead,
              c("Curvature is still 15 degrees or more after the second cycle."),
              c("No corporal rupture, penile fracture or severe hematoma followed earlier "
                "injections."))
    _callout(d, "WHAT WE NEED - PEYRONIE, CYCLES 3 AND 4", pey_r)
    _text(d, "We do not pay for collagenase in these cases", "B", 11, 5.5)
    excl = [
        "Peyronie plaques involving the penile urethra.",
        "Ventral curvature, hourglass deformity alone, or curvature below 30 degrees.",
        "Dupuytren nodules without a cord or contracture, and Ledderhose disease.",
        "More than four Peyronie cycles or more than three injections into one cord.",
    ]
    for e in excl:
        _text(d, "o  " + e, "", 9, 4.4)
    inds = [
        Ind("Dupuytren contracture (collagenase)", dup_lead, ["palpable cord"], ["M72.0"],
            dup, dup_r, dup_r_lead),
        Ind("Peyronie disease (collagenase)", pey_lead, ["penile curvature"], ["N48.6"], pey,
            pey_r, pey_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Two-column "Criterion | Documentation required" table; the logic is in a band row above
#    each table; an any_of is one criterion cell with its alternatives on "or" lines.
# =========================================================================================


def _docreq_table(d: Doc, band: str, root: Crit, docs: list[str]) -> None:
    w1, w2 = d.width * 0.56, d.width * 0.44
    d.set_font("helvetica", "B", 9)
    d.set_fill_color(30, 95, 90)
    d.set_text_color(255)
    d.multi_cell(d.width, 5, band, fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_fill_color(205, 228, 224)
    d.set_text_color(0)
    d.cell(w1, 5.5, "Criterion", border=1, fill=True)
    d.cell(w2, 5.5, "Documentation required", border=1, fill=True, new_x="LMARGIN",
           new_y="NEXT")
    d.set_text_color(0)
    d.set_font("helvetica", "B", 9)
    d.multi_cell(d.width, 5, root.text, border="LR", new_x="LMARGIN", new_y="NEXT")
    for kid, doc in zip(root.kids, docs, strict=True):
        text = kid.text
        if kid.is_group:
            text = kid.text + "\n" + "\n".join(
                ("  " if k == 0 else "  or ") + a.text for k, a in enumerate(kid.kids))
        d.set_font("helvetica", "", 8.8)
        n1 = len(d.multi_cell(w1 - 2, 4.3, text, dry_run=True, output="LINES"))
        n2 = len(d.multi_cell(w2 - 2, 4.3, doc, dry_run=True, output="LINES"))
        h = max(n1, n2) * 4.3 + 2
        if d.get_y() + h > d.h - 24:
            d.add_page()
        y = d.get_y()
        d.rect(d.l_margin, y, w1, h)
        d.rect(d.l_margin + w1, y, w2, h)
        d.set_xy(d.l_margin + 1, y + 1)
        d.multi_cell(w1 - 2, 4.3, text)
        d.set_font("helvetica", "I", 8.3)
        d.set_xy(d.l_margin + w1 + 1, y + 1)
        d.multi_cell(w2 - 2, 4.3, doc)
        d.set_xy(d.l_margin, y + h)
    d.ln(4)


def docreq_als() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "NORTHBRIDGE CARE ALLIANCE  |  Pharmacy Prior Authorization Requirements")
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "PAR-NEU-07", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7)
        d.cell(0, 4, f"PAR-NEU-07 v4, approved by the Pharmacy Policy Committee 01/14/2026 - "
               f"{d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    _text(d, "Amyotrophic Lateral Sclerosis: Edaravone and Tofersen", "B", 14, 6.5)
    _text(d, "Each table lists what must be true and, in the right-hand column, the record "
          "that shows it. A request missing the documentation in a row is treated as not "
          "meeting that row.")
    eda_lead = ("Edaravone (Radicava IV or Radicava ORS): new start. All rows must be met; "
                "approval 6 months.")
    eda = g("all_of", eda_lead,
            c("Definite or probable ALS by El Escorial or Gold Coast criteria"),
            c("ALSFRS-R score of 2 or more on every one of its 12 items"),
            c("Forced vital capacity of 80% predicted or more"),
            c("Symptom onset 2 years or less before the request"),
            c("Prescribed by or with a neurologist at an ALS or neuromuscular center"))
    _docreq_table(d, "TABLE 1 - EDARAVONE, INITIAL AUTHORIZATION", eda, [
        "Neurology consult note stating the diagnostic category and the EMG findings",
        "Itemized ALSFRS-R sheet dated within 60 days",
        "Pulmonary function report dated within 90 days",
        "History with the month and year of the first symptom",
        "Prescriber name and clinic on the request",
    ])
    eda_r_lead = ("Edaravone: continued therapy. Both rows must be met; approval 6 months at a "
                  "time.")
    eda_r = g("all_of", eda_r_lead,
              c("The member is not dependent on invasive ventilation by tracheostomy"),
              c("The member has continued to take the treatment cycles as prescribed"))
    _docreq_table(d, "TABLE 2 - EDARAVONE, REAUTHORIZATION", eda_r, [
        "Most recent neurology note describing respiratory support",
        "Pharmacy fill or infusion records for the last 6 months",
    ])
    tof_lead = ("Tofersen (Qalsody) intrathecal: new start. All rows must be met; approval 6 "
                "months.")
    tof = g("all_of", tof_lead,
            c("ALS with a pathogenic or likely pathogenic SOD1 variant"),
            c("Neurofilament light chain measured in plasma or CSF before the first dose"),
            g("any_of", "Able to receive lumbar intrathecal injections,",
              c("by standard lumbar puncture"),
              c("with imaging guidance arranged because of spinal anatomy")),
            c("Prescribed by a neurologist at an ALS or neuromuscular center"))
    _docreq_table(d, "TABLE 3 - TOFERSEN, INITIAL AUTHORIZATION", tof, [
        "Genetic test report naming the SOD1 variant and its classification",
        "Laboratory report with the baseline NfL value and date",
        "Procedure plan from the administering clinic",
        "Prescriber name and clinic on the request",
    ])
    tof_r_lead = "Tofersen: continued therapy. Both rows must be met; approval 12 months."
    tof_r = g("all_of", tof_r_lead,
              c("Plasma or CSF neurofilament light chain has fallen from baseline"),
              c("No myelitis, radiculitis, papilledema or raised intracranial pressure on "
                "treatment"))
    _docreq_table(d, "TABLE 4 - TOFERSEN, REAUTHORIZATION", tof_r, [
        "Baseline and latest NfL results with dates",
        "Neurology note reviewing neurologic adverse events",
    ])
    _text(d, "Not authorized", "B", 11, 5.5)
    excl = [
        "Edaravone and tofersen started together outside a clinical trial.",
        "Edaravone for any condition other than ALS.",
        "Tofersen for ALS without a SOD1 variant, including FUS or C9orf72 ALS.",
    ]
    for e in excl:
        _text(d, "* " + e, "", 9, 4.4)
    inds = [
        Ind("Amyotrophic lateral sclerosis (edaravone)", eda_lead, ["ALS"], ["G12.21"], eda,
            eda_r, eda_r_lead),
        Ind("SOD1 amyotrophic lateral sclerosis (tofersen)", tof_lead, ["SOD1-ALS"],
            ["G12.21"], tof, tof_r, tof_r_lead),
    ]
    return d, inds, excl
