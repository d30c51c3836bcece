"""Sixteenth synthetic batch, part A: a DME-style Certificate of Medical Necessity whose
questions carry a Y / N / D answer column on the left (Parkinson disease: foscarbidopa /
foslevodopa and apomorphine subcutaneous infusion); a digest of two health-technology
assessment reimbursement recommendations with "Reimbursement condition | Reason |
Implementation guidance" tables (obstructive HCM: mavacamten; achondroplasia: vosoritide);
a requirement-area grid, one ruled table per indication with rows by requirement area and
"Start | Renewal" columns (heart failure: ivabradine). Our own words, fictional plans."""

from __future__ import annotations

from render import Crit, Doc, Ind, c, g


def _text(d: Doc, text: str, style: str = "", size: float = 9.5, h: float = 4.6,
          indent: float = 0.0) -> None:
    d.set_font("helvetica", style, size)
    d.set_x(d.l_margin + indent)
    d.multi_cell(d.width - indent, h, text, new_x="LMARGIN", new_y="NEXT")
    d.ln(1.2)


def _band(d: Doc, text: str, rgb: tuple[int, int, int], size: float = 9.5) -> None:
    if d.get_y() > d.h - 50:
        d.add_page()
    d.set_font("helvetica", "B", size)
    d.set_fill_color(*rgb)
    d.set_text_color(255)
    d.multi_cell(d.width, 5.4, text, fill=True, new_x="LMARGIN", new_y="NEXT")
    d.set_text_color(0)
    d.ln(1.5)


# =========================================================================================
# 1. Certificate of Medical Necessity: "Y N D" answer column left of each numbered question;
#    the qualifying rule is a bold instruction line over each question range.
# =========================================================================================


def _cmn_questions(d: Doc, rule: str, root: Crit, first: int) -> int:
    d.set_font("helvetica", "B", 9)
    d.multi_cell(d.width, 4.6, rule, new_x="LMARGIN", new_y="NEXT")
    d.ln(1)
    n = first
    for kid in root.kids:
        rows: list[tuple[str, str, float]] = []
        if kid.is_group:
            rows.append(("", f"{n}. {kid.text}", 0))
            for k, alt in enumerate(kid.kids):
                rows.append(("Y  N  D", f"{n}{chr(97 + k)}. {alt.text}", 6))
        else:
            rows.append(("Y  N  D", f"{n}. {kid.text}", 0))
        for answers, text, indent in rows:
            d.set_font("helvetica", "", 9)
            w = d.width - 24 - indent
            lines = len(d.multi_cell(w, 4.4, text, dry_run=True, output="LINES"))
            if d.get_y() + lines * 4.4 > d.page_break_trigger:
                d.add_page()
            y = d.get_y()
            if answers:
                d.set_font("courier", "B", 9)
                d.set_xy(d.l_margin, y)
                d.cell(20, 4.4, answers, border=1, align="C")
            d.set_font("helvetica", "", 9)
            d.set_xy(d.l_margin + 24 + indent, y)
            d.multi_cell(w, 4.4, text, new_x="LMARGIN", new_y="NEXT")
            d.ln(1.4)
        n += 1
    d.ln(2)
    return n


def cmn_parkinson() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 8)
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "TIDEWATER SENIOR HEALTH - DURABLE MEDICAL EQUIPMENT AND INFUSION DRUGS")
        d.set_xy(d.l_margin, 8)
        d.cell(0, 4, "FORM TSH-CMN-22 (01/26)", align="R")
        d.line(d.l_margin, 13, d.w - d.r_margin, 13)
        d.set_y(17)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7)
        d.cell(0, 4, "Signing a certificate with false information may be subject to penalty. "
               f"Keep the original in the patient's record.   Page {d.page_no()} of {{nb}}",
               align="C")

    d = Doc(header, footer, margin=16)
    d.add_page()
    _text(d, "CERTIFICATE OF MEDICAL NECESSITY", "B", 14, 6)
    _text(d, "Subcutaneous Infusion Drugs and Pumps for Parkinson Disease", "B", 11, 5.5)
    _text(d, "SECTION A  (may be completed by the supplier)", "B", 9.5)
    for line in ("Certification type:   [ ] Initial     [ ] Revised     [ ] Recertification",
                 "Patient name: ______________________________   Member ID: _______________",
                 "Supplier name: ____________________________   Supplier NPI: _____________",
                 "Drug and HCPCS: [ ] J7356 foscarbidopa/foslevodopa   [ ] J0364 apomorphine",
                 "Estimated length of need (months): ______"):
        _text(d, line, "", 9, 4.6)
    _text(d, "SECTION B  (may not be completed by the supplier or anyone in its employ)", "B",
          9.5)
    _text(d, "Circle Y for Yes, N for No, or D for Does Not Apply. Answer only the questions "
          "for the drug and certification type checked in Section A. A question answered N "
          "means the certificate does not support coverage.", "I", 8.8, 4.3)
    vy_rule = ("Questions 1-6. Foscarbidopa/foslevodopa (Vyalev), initial certification: the "
               "patient qualifies for 6 months only when every answer is Y (for question 4, Y "
               "to 4a or to 4b is enough).")
    vy = g("all_of", vy_rule,
           c("Does the patient have idiopathic Parkinson disease that has responded to "
             "levodopa, diagnosed by a neurologist?"),
           c("Does a 3-day home diary show at least 2.5 hours a day of off time despite "
             "adjusted oral treatment?"),
           c("Has the patient taken oral levodopa of 400 mg a day or more together with a "
             "dopamine agonist, MAO-B inhibitor or COMT inhibitor?"),
           g("any_of", "Will the pump be run safely at home, because",
             c("the patient completed pump and site-care training with an infusion nurse?"),
             c("a caregiver who completed the training will be present every day?")),
           c("Is the prescriber a neurologist or movement disorder specialist?"),
           c("Is the patient free of untreated psychosis and of dementia that prevents safe "
             "pump use?"))
    n = _cmn_questions(d, vy_rule, vy, 1)
    vy_r_rule = ("Questions 7-9. Foscarbidopa/foslevodopa, recertification: qualifies for 12 "
                 "months when questions 7, 8 and 9 are all Y.")
    vy_r = g("all_of", vy_r_rule,
             c("Has daily off time fallen by 1 hour or more compared with the diary taken "
               "before the infusion?"),
             c("Has the infusion been used around the clock on most days as prescribed?"),
             c("Have the infusion sites been checked at each visit with no infection left "
               "untreated?"))
    n = _cmn_questions(d, vy_r_rule, vy_r, n)
    ap_rule = ("Questions 10-14. Apomorphine infusion (Onapgo), initial certification: "
               "qualifies for 6 months only when questions 10 through 14 are all Y.")
    ap = g("all_of", ap_rule,
           c("Does the patient have Parkinson disease with motor fluctuations that oral "
             "levodopa plus at least one add-on drug has not controlled?"),
           c("Is the patient 18 years of age or older?"),
           c("Will the first infusion day be supervised, with lying and standing blood "
             "pressure checked?"),
           c("Is the patient free of any 5-HT3 antagonist such as ondansetron, granisetron "
             "or palonosetron?"),
           c("Is the drug prescribed by a neurologist?"))
    n = _cmn_questions(d, ap_rule, ap, n)
    ap_r_rule = ("Questions 15-16. Apomorphine infusion, recertification: qualifies for 12 "
                 "months when both answers are Y.")
    ap_r = g("all_of", ap_r_rule,
             c("Has a repeat home diary shown less daily off time than before the infusion "
               "began?"),
             c("Has the patient had no fainting spells on treatment, or has the dose been "
               "lowered after each one?"))
    _cmn_questions(d, ap_r_rule, ap_r, n)
    _text(d, "SECTION C  Items never covered under this certificate", "B", 9.5)
    excl = [
        "Both infusions supplied for the same patient in the same month.",
        "Infusion for drug-induced, vascular or atypical parkinsonism (multiple system atrophy, "
        "progressive supranuclear palsy).",
        "Foscarbidopa/foslevodopa with a nonselective MAO inhibitor taken in the last 14 days.",
        "Replacement pumps within 5 years unless the pump is lost or damaged beyond repair.",
    ]
    for e in excl:
        _text(d, "X  " + e, "", 9, 4.4, indent=2)
    _text(d, "SECTION D  Physician attestation", "B", 9.5)
    _text(d, "I certify that I am the treating physician and that the answers in Section B "
          "are true and supported by the patient's record.  Signature: ______________  Date: "
          "________", "", 9, 4.4)
    inds = [
        Ind("Advanced Parkinson disease with motor fluctuations (foscarbidopa/foslevodopa "
            "infusion)", vy_rule, ["Parkinson disease", "motor fluctuations"],
            ["G20.A2", "G20.B2"], vy, vy_r, vy_r_rule),
        Ind("Parkinson disease with motor fluctuations (apomorphine infusion)", ap_rule,
            ["Parkinson disease", "off episodes"], ["G20.A2", "G20.B2"], ap, ap_r, ap_r_rule),
    ]
    return d, inds, excl


# =========================================================================================
# 2. Reimbursement-recommendation digest: a summary box naming the indication, then a
#    three-column "Reimbursement condition | Reason | Implementation guidance" table; the
#    condition cell holds the numbered lead-in and its decimal sub-conditions.
# =========================================================================================


def _cond_text(root: Crit, num: str) -> str:
    lines = [f"{num}. {root.text}"]
    for i, kid in enumerate(root.kids, 1):
        lines.append(f"{num}.{i}. {kid.text}")
        for j, alt in enumerate(kid.kids, 1):
            lines.append(f"      {num}.{i}.{j}. {alt.text}")
    return "\n".join(lines)


def _cond_row(d: Doc, widths: list[float], cells: list[str]) -> None:
    d.set_font("helvetica", "", 8.6)
    n = max(len(d.multi_cell(w - 2, 4.1, t, dry_run=True, output="LINES"))
            for w, t in zip(widths, cells, strict=True))
    h = n * 4.1 + 2
    if d.get_y() + h > d.page_break_trigger:
        d.add_page()
    y = d.get_y()
    x = d.l_margin
    for k, (w, t) in enumerate(zip(widths, cells, strict=True)):
        d.rect(x, y, w, h)
        d.set_font("helvetica", "I" if k == 2 else "", 8.6)
        d.set_xy(x + 1, y + 1)
        d.multi_cell(w - 2, 4.1, t)
        x += w
    d.set_xy(d.l_margin, y + h)


def _cond_table(d: Doc, rows: list[tuple[str, str, str] | str]) -> None:
    widths = [d.width * 0.46, d.width * 0.30, d.width * 0.24]
    d.set_font("helvetica", "B", 8.8)
    d.set_fill_color(214, 226, 240)
    for w, h in zip(widths, ["Reimbursement condition", "Reason", "Implementation guidance"],
                    strict=True):
        d.cell(w, 5.5, h, border=1, fill=True)
    d.ln(5.5)
    for row in rows:
        if isinstance(row, str):
            d.set_font("helvetica", "B", 8.8)
            d.set_fill_color(238, 238, 238)
            d.cell(d.width, 5, row, border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
        else:
            _cond_row(d, widths, list(row))
    d.ln(4)


def _summary_box(d: Doc, pairs: list[tuple[str, str]]) -> None:
    d.set_draw_color(40, 80, 140)
    d.set_line_width(0.5)
    top = d.get_y()
    d.set_y(top + 2)
    for label, value in pairs:
        d.set_font("helvetica", "B", 9)
        d.set_x(d.l_margin + 3)
        d.cell(34, 4.6, label)
        d.set_font("helvetica", "", 9)
        d.multi_cell(d.width - 40, 4.6, value, new_x="LMARGIN", new_y="NEXT")
        d.ln(0.8)
    d.rect(d.l_margin, top, d.width, d.get_y() - top + 1)
    d.set_line_width(0.2)
    d.set_draw_color(0)
    d.ln(4)


def digest_hta() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_text_color(40, 80, 140)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Northern Lakes Public Drug Program  |  Reimbursement Recommendation Digest")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Issue 2026-01", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-13)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 4, f"Digest 2026-01  -  {d.page_no()}", align="R")

    d = Doc(header, footer, margin=17)
    d.add_page()
    _text(d, "Reimbursement Recommendation Digest, January 2026", "B", 15, 7)
    _text(d, "The program's expert review committee considered two drugs this cycle. For each, "
          "the committee recommends that the program reimburse the drug only if the "
          "conditions in its table are met. The Reason column explains each condition and "
          "the Implementation guidance column gives advice to reviewers; neither adds to the "
          "conditions.")
    _text(d, "1  Mavacamten (Camzyos) 2.5 mg, 5 mg, 10 mg and 15 mg capsules", "B", 12, 6)
    _summary_box(d, [
        ("Indication:", "For the treatment of adults with symptomatic obstructive hypertrophic "
         "cardiomyopathy (New York Heart Association class II to III)."),
        ("Recommendation:", "Reimburse with conditions."),
        ("Sponsor request:", "Reimburse as per the Health Canada indication."),
    ])
    hcm_lead = ("Mavacamten should be reimbursed for adults with obstructive hypertrophic "
                "cardiomyopathy who meet all of the following criteria:")
    hcm = g("all_of", hcm_lead,
            c("symptoms of NYHA class II or III"),
            c("left ventricular ejection fraction of 55% or more on the baseline "
              "echocardiogram"),
            c("peak left ventricular outflow tract gradient of 50 mmHg or more at rest, "
              "with Valsalva or after exercise"),
            g("any_of", "symptoms persist after an adequate trial of one of the following:",
              c("a beta-blocker at the highest tolerated dose"),
              c("verapamil or diltiazem at the highest tolerated dose")),
            c("prescribed by a cardiologist with experience in hypertrophic cardiomyopathy"))
    hcm_r_lead = ("Renewal after the first 6 months, and then every 12 months, requires all "
                  "of the following:")
    hcm_r = g("all_of", hcm_r_lead,
              g("any_of", "benefit shown by one of the following:",
                c("improvement by at least one NYHA class"),
                c("a fall in the resting or provoked outflow gradient to below 30 mmHg")),
              c("left ventricular ejection fraction has stayed at 50% or more on each "
                "echocardiogram during treatment"))
    _cond_table(d, [
        "Initiation",
        (_cond_text(hcm, "1"),
         "In the pivotal trial, adults with NYHA class II or III symptoms, an ejection "
         "fraction of 55% or more and an outflow gradient of 50 mmHg or more had better "
         "exercise capacity and symptoms than with placebo. Most continued background "
         "beta-blockers.",
         "Initial reimbursement is for 6 months. A request may cite either the resting or "
         "a provoked gradient."),
        "Renewal",
        (_cond_text(hcm_r, "2"),
         "Mavacamten reduces contractility; the dose is held when the ejection fraction "
         "drops below 50%.",
         "Echocardiograms are expected at weeks 4, 8 and 12 and then every 12 weeks."),
        "Pricing",
        ("3. A reduction in price.",
         "The committee judged the drug not cost-effective at the submitted price.",
         "Not applicable to the clinical review."),
    ])
    _text(d, "2  Vosoritide (Voxzogo) 0.4 mg, 0.56 mg and 1.2 mg for injection", "B", 12, 6)
    _summary_box(d, [
        ("Indication:", "To increase linear growth in paediatric patients with "
         "achondroplasia whose epiphyses are not closed."),
        ("Recommendation:", "Reimburse with conditions."),
        ("Sponsor request:", "Reimburse as per the indication."),
    ])
    ach_lead = ("Vosoritide should be reimbursed for children with achondroplasia who meet "
                "all of the following criteria:")
    ach = g("all_of", ach_lead,
            c("achondroplasia confirmed by genetic testing showing an FGFR3 variant"),
            c("open epiphyses on a radiograph taken within the previous 12 months"),
            c("age 2 years or older at the start of treatment"),
            c("a baseline annual growth velocity measured over at least 6 months before "
              "the first dose"),
            c("prescribed by a clinical geneticist, paediatric endocrinologist or other "
              "specialist in skeletal dysplasia"))
    ach_r_lead = "Renewal every 12 months requires all of the following:"
    ach_r = g("all_of", ach_r_lead,
              c("annual growth velocity on treatment higher than the baseline growth "
                "velocity"),
              c("epiphyses still open on a radiograph taken within the previous 12 months"))
    _cond_table(d, [
        "Initiation",
        (_cond_text(ach, "4"),
         "Trials enrolled children with genetically confirmed achondroplasia and open growth "
         "plates; growth velocity rose by about 1.6 cm a year over placebo.",
         "Initial reimbursement is for 12 months. Height measurements should use the same "
         "stadiometer where possible."),
        "Renewal",
        (_cond_text(ach_r, "5"),
         "Growth cannot continue once the growth plates have closed.",
         "Compare the velocity over the last 6 to 12 months with the baseline velocity."),
    ])
    _text(d, "Not reimbursed under either recommendation", "B", 11, 5.5)
    excl = [
        "Mavacamten for non-obstructive hypertrophic cardiomyopathy.",
        "Mavacamten together with disopyramide or another cardiac myosin inhibitor.",
        "Vosoritide for hypochondroplasia, idiopathic short stature or other skeletal "
        "dysplasias.",
        "Vosoritide given together with growth hormone.",
    ]
    for e in excl:
        _text(d, "-  " + e, "", 9, 4.4, indent=2)
    inds = [
        Ind("Obstructive hypertrophic cardiomyopathy (mavacamten)", hcm_lead,
            ["oHCM", "hypertrophic cardiomyopathy"], ["I42.1"], hcm, hcm_r, hcm_r_lead),
        Ind("Achondroplasia (vosoritide)", ach_lead, ["achondroplasia"], ["Q77.4"], ach,
            ach_r, ach_r_lead),
    ]
    return d, inds, excl


# =========================================================================================
# 3. Requirement-area grid: one ruled table per indication, rows by requirement area
#    (Diagnosis, Heart rate and rhythm, ...), "Start of therapy" and "Renewal" columns; the
#    logic is two rule sentences above each grid; "-" marks an area with no renewal entry.
# =========================================================================================


def _cell(node: Crit | None) -> str:
    if node is None:
        return "-"
    if node.is_group and node.op == "any_of":
        return node.text + "\n" + "\n".join("  - " + k.text for k in node.kids)
    if node.is_group:
        return "\n".join(k.text for k in node.kids)
    return node.text


def _grid(d: Doc, band: str, rows: list[tuple[str, Crit | None, Crit | None]]) -> None:
    _band(d, band, (70, 90, 60))
    widths = [d.width * 0.2, d.width * 0.42, d.width * 0.38]
    d.set_font("helvetica", "B", 8.8)
    d.set_fill_color(225, 232, 215)
    for w, h in zip(widths, ["Requirement area", "Start of therapy", "Renewal"], strict=True):
        d.cell(w, 5.5, h, border=1, fill=True)
    d.ln(5.5)
    for area, start, renew in rows:
        cells = [area, _cell(start), _cell(renew)]
        d.set_font("helvetica", "", 8.8)
        n = max(len(d.multi_cell(w - 2, 4.2, t, dry_run=True, output="LINES"))
                for w, t in zip(widths, cells, strict=True))
        h = n * 4.2 + 2
        if d.get_y() + h > d.page_break_trigger:
            d.add_page()
        y = d.get_y()
        x = d.l_margin
        for k, (w, t) in enumerate(zip(widths, cells, strict=True)):
            d.rect(x, y, w, h)
            d.set_font("helvetica", "B" if k == 0 else "", 8.8)
            d.set_xy(x + 1, y + 1)
            d.multi_cell(w - 2, 4.2, t)
            x += w
        d.set_xy(d.l_margin, y + h)
    d.ln(4)


def grid_ivabradine() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 10)
        d.set_text_color(70, 90, 60)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "Copperline Health Plan")
        d.set_font("helvetica", "", 8)
        d.set_text_color(80)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 5, "Pharmacy Coverage Requirements  RX-CV-044", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-12)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(80)
        d.cell(0, 4, f"RX-CV-044 rev. 3 (effective 03/01/2026)          page {d.page_no()}")

    d = Doc(header, footer, margin=17)
    d.add_page()
    _text(d, "Ivabradine (Corlanor) tablets and oral solution", "B", 15, 7)
    _text(d, "Requirements are grouped by area. Read down the column for the kind of request. "
          "A dash means the area has no requirement for that kind of request.")
    a_start = ("Start of therapy (approve 6 months): every area in the Start of therapy column "
               "must be met.")
    a_renew = ("Renewal (approve 12 months): every area with an entry in the Renewal column "
               "must be met.")
    _text(d, a_start + " " + a_renew, "B", 9.5)
    a_dx = c("Stable chronic heart failure with NYHA class II, III or IV symptoms and a left "
             "ventricular ejection fraction of 35% or less")
    a_rate = c("Sinus rhythm with a resting heart rate of 70 beats per minute or more on an "
               "ECG")
    a_bb = g("any_of", "Beta-blocker history, one of:",
             c("taking a beta-blocker at the highest dose the member tolerates"),
             c("a beta-blocker is contraindicated, with the reason in the record"))
    a_md = c("Prescribed by or in consultation with a cardiologist")
    a_safe = c("No sick sinus syndrome, sinoatrial block or third-degree heart block without "
               "a working pacemaker")
    a_r_rate = c("Resting heart rate lower than the rate before ivabradine was started")
    a_r_bb = c("Beta-blocker continued, unless the start-of-therapy record showed it is "
               "contraindicated")
    a_r_safe = c("No atrial fibrillation documented since the last approval")
    _grid(d, "ICD-10 I50.22 - Chronic systolic (congestive) heart failure, adults", [
        ("Diagnosis", a_dx, None),
        ("Heart rate and rhythm", a_rate, a_r_rate),
        ("Current treatment", a_bb, a_r_bb),
        ("Prescriber", a_md, None),
        ("Safety", a_safe, a_r_safe),
    ])
    a_init = g("all_of", a_start, a_dx, a_rate, a_bb, a_md, a_safe)
    a_cont = g("all_of", a_renew, a_r_rate, a_r_bb, a_r_safe)
    b_start = ("Start of therapy (approve 6 months): every area in the Start of therapy "
               "column must be met for a child.")
    b_renew = ("Renewal (approve 12 months): every area with an entry in the Renewal column "
               "must be met for a child.")
    _text(d, b_start + " " + b_renew, "B", 9.5)
    b_age = c("Age 6 months or older and younger than 18 years")
    b_dx = c("Heart failure due to dilated cardiomyopathy with a left ventricular ejection "
             "fraction of 45% or less")
    b_rate = c("Sinus rhythm with a resting heart rate of at least 105 (6 to 11 months), 95 "
               "(1 to 2 years), 75 (3 to 4 years) or 70 (5 years and older) beats per minute")
    b_md = c("Prescribed by a pediatric cardiologist")
    b_r_rate = c("Resting heart rate at least 10% below the rate before treatment")
    b_r_safe = c("No symptomatic bradycardia reported since the last approval")
    _grid(d, "ICD-10 I42.0 - Dilated cardiomyopathy, children with heart failure", [
        ("Age", b_age, None),
        ("Diagnosis", b_dx, None),
        ("Heart rate and rhythm", b_rate, b_r_rate),
        ("Prescriber", b_md, None),
        ("Safety", None, b_r_safe),
    ])
    b_init = g("all_of", b_start, b_age, b_dx, b_rate, b_md)
    b_cont = g("all_of", b_renew, b_r_rate, b_r_safe)
    _text(d, "Not covered", "B", 11, 5.5)
    excl = [
        "Acute decompensated heart failure or a blood pressure below 90/50 mmHg.",
        "Heart failure with preserved ejection fraction.",
        "Use with a strong CYP3A4 inhibitor such as clarithromycin, ketoconazole or ritonavir.",
        "Inappropriate sinus tachycardia or other uses not listed above.",
    ]
    for e in excl:
        _text(d, "\u2022  " + e, "", 9, 4.4, indent=2)
    inds = [
        Ind("Chronic heart failure with reduced ejection fraction, adults (ivabradine)",
            a_start, ["HFrEF", "chronic systolic heart failure"], ["I50.22"], a_init, a_cont,
            a_renew),
        Ind("Heart failure due to dilated cardiomyopathy, children (ivabradine)", b_start,
            ["pediatric dilated cardiomyopathy"], ["I42.0"], b_init, b_cont, b_renew),
    ]
    return d, inds, excl
