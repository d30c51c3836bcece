"""Fourteenth synthetic batch, part B: a hospital EHR order-set restriction screen (opioid use
disorder: extended-release buprenorphine, extended-release naltrexone); a policy-update
bulletin printing retired and revised criteria side by side (overactive bladder: vibegron;
neurogenic detrusor overactivity: mirabegron); and a clinical-pathway flowchart of boxes and
arrows (thyroid eye disease: teprotumumab). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _lines(root: Crit, mark0, mark1: str) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    for k, kid in enumerate(root.kids):
        out.append((0, mark0(k), kid.text))
        for a in kid.kids:
            out.append((1, mark1, a.text))
    return out


# =========================================================================================
# 1. EHR order-set restriction: panels per orderable, a RESTRICTED banner whose sentence is
#    the logic, "Q1" prompts the orderer must answer in the order comment.
# =========================================================================================


def orderset_oud() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("courier", "", 7.5)
        d.set_xy(d.l_margin, 7)
        d.cell(0, 3.5, "Printed from OrderWorks 9.2  user: PHARM-INF  2026-02-11 08:14")
        d.set_xy(d.l_margin, 7)
        d.cell(0, 3.5, "Tidewater Regional Medical Center", align="R")
        d.set_y(14)

    def footer(d: Doc) -> None:
        d.set_y(-11)
        d.set_font("courier", "", 7.5)
        d.cell(0, 3.5, f"ORDER SET OS-4471 (P&T approved 01/2026)   screen {d.page_no()}/{{nb}}",
               align="C")

    d = Doc(header, footer, margin=14)
    d.add_page()
    d.set_fill_color(60, 60, 60)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 11)
    d.cell(0, 8, "  ORDER SET: ED / Inpatient - Opioid Use Disorder, Long-Acting Injectables",
           fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.set_font("helvetica", "", 8.5)
    d.multi_cell(0, 4, "Formulary committee restriction: the orderables below are RESTRICTED. "
                 "Pharmacy verifies an order only when the prompts are answered in the order "
                 "comment; the answers are checked against the chart before the dose is "
                 "released. Insurance (Tidewater Community Plan) accepts the verified order as "
                 "its prior authorization.", new_x="LMARGIN", new_y="NEXT")
    d.ln(2)

    def panel(title: str, root: Crit) -> None:
        d.set_fill_color(225, 232, 240)
        d.set_font("helvetica", "B", 9)
        d.cell(0, 6, "  " + title, border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_fill_color(255, 236, 200)
        d.set_font("helvetica", "B", 8.5)
        d.multi_cell(0, 4.3, "RESTRICTED - " + root.text, border="LR", fill=True,
                     new_x="LMARGIN", new_y="NEXT")
        for lvl, mark, text in _lines(root, lambda k: f"Q{k + 1}", "( )"):
            y = d.get_y()
            d.set_font("helvetica", "B" if lvl == 0 else "", 8.5)
            d.set_xy(d.l_margin + 2 + lvl * 8, y)
            d.cell(9, 4.3, mark)
            d.set_font("helvetica", "", 8.5)
            d.set_xy(d.l_margin + 11 + lvl * 8, y)
            d.multi_cell(d.width - 13 - lvl * 8, 4.3, text, new_x="LMARGIN", new_y="NEXT")
            d.ln(0.5)
        d.line(d.l_margin, d.get_y() + 0.5, d.w - d.r_margin, d.get_y() + 0.5)
        d.ln(3)

    bup_lead = ("Verify the FIRST dose (approval 6 months) only if every prompt is answered "
                "yes:")
    bup = g("all_of", bup_lead,
            c("Moderate or severe opioid use disorder by DSM-5 criteria documented in this "
              "encounter"),
            c("Transmucosal buprenorphine tolerated at 8 to 24 mg a day for at least 7 days "
              "before the first injection"),
            c("Patient is 18 years or older and not pregnant, or pregnancy discussed with "
              "obstetrics"),
            c("Follow-up with an outpatient buprenorphine prescriber is booked within 28 days"))
    panel("buprenorphine extended-release (Sublocade) 300 mg subcut - first injection", bup)
    bup_r_lead = ("Verify MAINTENANCE doses (100 or 300 mg monthly, approval 12 months) only "
                  "if both prompts are answered yes:")
    bup_r = g("all_of", bup_r_lead,
              c("At least 26 days since the previous injection"),
              c("Urine drug screen in the past 90 days reviewed, with a plan for any "
                "non-prescribed opioid use"))
    panel("buprenorphine extended-release (Sublocade) - maintenance injection", bup_r)
    ntx_lead = ("Verify the FIRST injection (approval 6 months) only when every prompt is "
                "answered yes:")
    ntx = g("all_of", ntx_lead,
            c("Opioid use disorder or alcohol use disorder diagnosed and documented"),
            g("any_of", "Opioid-free interval confirmed by one of:",
              c("7 to 10 days without short-acting opioids, or 14 days without methadone or "
                "buprenorphine"),
              c("a negative naloxone challenge in this encounter")),
            c("No opioid analgesic needed for a planned procedure or chronic pain"),
            c("Liver tests in the last 30 days below 5 times the upper limit of normal"))
    panel("naltrexone extended-release (Vivitrol) 380 mg IM - first injection", ntx)
    ntx_r_lead = "Verify REPEAT doses (approval 12 months) only if both prompts are yes:"
    ntx_r = g("all_of", ntx_r_lead,
              c("Patient has returned for injections about every 4 weeks, with no gap longer "
                "than 6 weeks"),
              c("No injection-site reaction needing surgical care"))
    panel("naltrexone extended-release (Vivitrol) - repeat injection", ntx_r)
    d.set_fill_color(200, 40, 40)
    d.set_text_color(255)
    d.set_font("helvetica", "B", 9)
    d.cell(0, 6, "  HARD STOP - the order is rejected when any of these is true", fill=True,
           new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.set_font("helvetica", "", 8.5)
    excl = [
        "Naltrexone ordered while the patient takes any opioid, including buprenorphine.",
        "Extended-release buprenorphine given intravenously or self-administered.",
        "Acute hepatitis or liver failure (Child-Pugh C).",
        "Treatment of pain alone, without an opioid use disorder diagnosis.",
    ]
    for e in excl:
        d.cell(6, 4.3, "!!")
        d.multi_cell(0, 4.3, e, new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Opioid use disorder (extended-release buprenorphine)", bup_lead, ["OUD"],
            ["F11.20"], bup, bup_r, bup_r_lead),
        Ind("Opioid or alcohol use disorder (extended-release naltrexone)", ntx_lead,
            ["OUD", "AUD"], ["F11.20", "F10.20"], ntx, ntx_r, ntx_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Policy-update bulletin: a two-column comparison, retired criteria (grey) left, revised
#    criteria right; only the right column is in force.
# =========================================================================================


def update_oab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_text_color(0, 90, 60)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Stonebridge Health Partners  |  Policy Update Bulletin 2026-07")
        d.set_text_color(0)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"Bulletin 2026-07, published March 2, 2026  -  {d.page_no()}/{{nb}}",
               align="C")

    d = Doc(header, footer, margin=15)
    d.add_page()
    d.heading("Urinary antispasmodics and beta-3 agonists: criteria changes effective April 1, "
              "2026", 13)
    d.para("This bulletin shows what changes in pharmacy policy RX-118. The left column "
           "reproduces the retired wording for reference only; requests received on or after "
           "April 1, 2026 are reviewed only against the right column. Unchanged sections of "
           "RX-118 are not reprinted.", size=9)
    col = (d.width - 6) / 2
    xl, xr = d.l_margin, d.l_margin + col + 6

    def compare(old: list[str], new: Crit, label: str) -> None:
        d.set_fill_color(235, 235, 235)
        d.set_font("helvetica", "B", 8.5)
        d.cell(0, 5.5, label, fill=True, new_x="LMARGIN", new_y="NEXT")
        top = d.get_y() + 1
        d.set_text_color(130)
        d.set_font("helvetica", "", 8.5)
        d.set_xy(xl, top)
        d.multi_cell(col, 4, "Retired wording: " + " ".join(old), new_x="LMARGIN",
                     new_y="NEXT")
        y1 = d.get_y()
        d.set_text_color(0)
        d.set_xy(xr, top)
        d.set_font("helvetica", "B", 8.5)
        d.multi_cell(col, 4, new.text, new_x="LMARGIN", new_y="NEXT")
        for lvl, mark, text in _lines(new, lambda k: f"{k + 1})", "-"):
            d.set_font("helvetica", "", 8.5)
            y = d.get_y() + 0.5
            d.set_xy(xr + lvl * 5, y)
            d.cell(6, 4, mark)
            d.set_xy(xr + 6 + lvl * 5, y)
            d.multi_cell(col - 6 - lvl * 5, 4, text, new_x="LMARGIN", new_y="NEXT")
        d.set_y(max(y1, d.get_y()) + 3)

    d.set_font("helvetica", "B", 8.5)
    d.cell(col, 5, "BEFORE April 1, 2026 (retired)")
    d.set_x(xr)
    d.cell(col, 5, "FROM April 1, 2026 (in force)", new_x="LMARGIN", new_y="NEXT")
    vib_lead = ("Vibegron (Gemtesa) for overactive bladder in adults: approve 12 months when "
                "all of these are met:")
    vib = g("all_of", vib_lead,
            c("Symptoms of urgency with frequency or urge incontinence for at least 3 months"),
            c("Urinalysis without infection or blood not yet explained"),
            g("any_of", "One formulary option failed or cannot be used:",
              c("mirabegron taken for at least 8 weeks without enough benefit"),
              c("an antimuscarinic such as oxybutynin or solifenacin taken for 4 weeks or "
                "more without enough benefit, or stopped for side effects")),
            c("Post-void residual below 150 mL when urinary retention is suspected"))
    compare(["Approve vibegron for 6 months if the patient failed two antimuscarinic agents of "
             "4 weeks each and mirabegron was also tried; a urology consultation was "
             "required."], vib, "Section 2.1 - Vibegron, initial request")
    vib_r_lead = "Vibegron renewal: approve 12 months when both are met:"
    vib_r = g("all_of", vib_r_lead,
              c("Fewer voids or incontinence episodes per day than before vibegron, by the "
                "patient's diary or the prescriber's note"),
              c("No urinary retention needing catheterization while on vibegron"))
    compare(["Renewal every 6 months with a new bladder diary."], vib_r,
            "Section 2.2 - Vibegron, renewal")
    mir_lead = ("Mirabegron granules or tablets (Myrbetriq) for neurogenic detrusor "
                "overactivity in children: approve 12 months when all of these are met:")
    mir = g("all_of", mir_lead,
            c("Age 3 years or older"),
            c("Neurogenic detrusor overactivity confirmed by urodynamic study, for example in "
              "spina bifida or spinal cord injury"),
            c("Weight-based dosing: granules below 35 kg, tablets or granules at 35 kg or more"),
            c("Oxybutynin tried for at least 4 weeks with persisting high bladder pressures or "
              "leakage, or stopped for side effects"),
            c("Prescribed by a pediatric urologist or pediatric nephrologist"))
    compare(["Mirabegron was not covered for children under 18 years."], mir,
            "Section 3.1 - Mirabegron, pediatric neurogenic detrusor overactivity, initial "
            "request (new section)")
    d.heading("Not covered (unchanged from RX-118 section 5)", 10.5)
    excl = [
        "Vibegron or mirabegron combined with another beta-3 agonist.",
        "Mirabegron in severe uncontrolled hypertension (180/110 mmHg or higher).",
        "Treatment of stress urinary incontinence alone.",
        "Vibegron for members younger than 18 years.",
    ]
    d.set_font("helvetica", "", 9)
    for e in excl:
        d.cell(6, 4.5, "-")
        d.multi_cell(0, 4.5, e, new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Overactive bladder (vibegron)", vib_lead, ["OAB", "urge incontinence"],
            ["N32.81", "N39.41"], vib, vib_r, vib_r_lead),
        Ind("Neurogenic detrusor overactivity in children (mirabegron)", mir_lead,
            ["NDO", "neurogenic bladder"], ["N31.9"], mir),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Clinical-pathway flowchart: a start box carrying the logic, then one drawn box per
#    criterion joined by "YES" arrows, a "NO" arrow from each box to a "not approved" stop.
# =========================================================================================


def flowchart_ted() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Juniper Valley Health - Clinical Pathway CP-31: teprotumumab-trbw "
               "(Tepezza)")
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 3.5, f"CP-31 v2, approved 2026-01-20  -  page {d.page_no()} of {{nb}}",
               align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    bw, bx = 112, d.l_margin + 8
    sx = bx + bw + 14

    def box(text: str, fill: tuple[int, int, int], style: str = "", yes: bool = True,
            stop: str = "NOT APPROVED") -> None:
        y = d.get_y()
        d.set_fill_color(*fill)
        d.set_font("helvetica", style, 8.5)
        d.set_xy(bx + 2, y + 1.5)
        d.multi_cell(bw - 4, 4, text, new_x="LMARGIN", new_y="NEXT")
        h = d.get_y() - y + 1.5
        d.rect(bx, y, bw, h, "D")
        if stop:
            mid = y + h / 2
            d.line(bx + bw, mid, sx, mid)
            d.set_font("helvetica", "", 7)
            d.set_xy(bx + bw + 2, mid - 3.5)
            d.cell(10, 3, "NO")
            d.set_xy(sx, mid - 2)
            d.set_font("helvetica", "B", 7)
            d.cell(28, 4, stop, border=1)
        d.set_y(y + h)
        if yes:
            d.line(bx + bw / 2, y + h, bx + bw / 2, y + h + 6)
            d.set_font("helvetica", "", 7)
            d.set_xy(bx + bw / 2 + 1.5, y + h + 1)
            d.cell(10, 3, "YES")
            d.set_y(y + h + 6)

    def pathway(title: str, root: Crit, end: str) -> None:
        d.heading(title, 11)
        box(root.text, (230, 240, 250), "B", stop="")
        for kid in root.kids:
            if kid.is_group:
                box(kid.text + "\n" + "\n".join("- " + a.text for a in kid.kids),
                    (255, 255, 255))
            else:
                box(kid.text, (255, 255, 255))
        box(end, (215, 240, 215), "B", yes=False, stop="")
        d.ln(4)

    d.para("Read each pathway from its blue start box down. A YES answer moves to the next "
           "box; a NO answer at any box ends the pathway (not approved, peer-to-peer review "
           "offered). The green box is reached only when every box is answered YES.", size=9)
    act_lead = ("PATHWAY A - active thyroid eye disease, first course. Approval: 8 infusions "
                "over 6 months when every box below is YES.")
    act = g("all_of", act_lead,
            c("Thyroid eye disease diagnosed by an ophthalmologist or oculoplastic surgeon"),
            c("Clinical Activity Score of 3 or more (of 7) within the last 3 months"),
            c("Onset of eye symptoms within the last 15 months"),
            g("any_of", "Moderate-to-severe disease, with at least one of:",
              c("proptosis 3 mm or more above normal for race and sex"),
              c("lid retraction of 2 mm or more"),
              c("diplopia that is intermittent or constant")),
            c("Euthyroid, or free T4 and T3 within 50% of the normal limits on treatment"))
    pathway("Pathway A - active disease", act, "APPROVE 8 infusions (6 months)")
    act_r_lead = ("PATHWAY A2 - second course of teprotumumab. Approval: 8 more infusions when "
                  "every box below is YES.")
    act_r = g("all_of", act_r_lead,
              c("First course of 8 infusions completed with a proptosis reduction of 2 mm or "
                "more"),
              c("Flare after the first course: proptosis worse by 2 mm or more, or the "
                "Clinical Activity Score up by 2 points"),
              c("No uncontrolled diabetes (HbA1c at or below 8%) and no new hearing loss"))
    d.add_page()
    pathway("Pathway A2 - retreatment", act_r, "APPROVE 8 more infusions (6 months)")
    chr_lead = ("PATHWAY B - chronic (low activity) thyroid eye disease. Approval: 8 infusions "
                "over 6 months when every box below is YES.")
    chr_ = g("all_of", chr_lead,
             c("Thyroid eye disease for more than 2 years with a Clinical Activity Score of 0 "
               "to 2"),
             c("Proptosis of 3 mm or more above normal that affects vision, comfort or daily "
               "function"),
             c("No orbital decompression surgery planned within 6 months"),
             c("Hearing assessed before the first infusion"))
    pathway("Pathway B - chronic disease", chr_, "APPROVE 8 infusions (6 months)")
    d.heading("Not on any pathway (not covered)", 10.5)
    excl = [
        "Pregnancy, or a woman able to become pregnant without effective contraception.",
        "Optic neuropathy from thyroid eye disease needing urgent steroids or decompression.",
        "More than two courses of teprotumumab in a lifetime.",
        "Inflammatory bowel disease that is not controlled.",
    ]
    d.set_font("helvetica", "", 9)
    for e in excl:
        d.cell(6, 4.5, "X")
        d.multi_cell(0, 4.5, e, new_x="LMARGIN", new_y="NEXT")
    inds = [
        Ind("Thyroid eye disease, active (teprotumumab)", act_lead, ["TED",
            "Graves orbitopathy"], ["H06.2", "E05.00"], act, act_r, act_r_lead),
        Ind("Thyroid eye disease, chronic (teprotumumab)", chr_lead, ["TED"],
            ["H06.2", "E05.00"], chr_),
    ]
    return d, inds, excl
